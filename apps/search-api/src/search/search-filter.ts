import type { ArticleFilter, ArticleSort } from '@lib/search-core';
import { dateRangeSeconds } from './date-range.js';
import type { SearchQueryDto, SortOrder } from './search-query.dto.js';

/** The articles the request asks for: its lang, source and date range. */
export function articleFilter(
  params: Pick<SearchQueryDto, 'lang' | 'source' | 'from' | 'to'>,
): ArticleFilter {
  const { from, to } = dateRangeSeconds(params);
  return {
    ...(params.lang === undefined ? {} : { lang: params.lang }),
    ...(params.source === undefined || params.source.length === 0 ? {} : { source: params.source }),
    ...(from === null ? {} : { fromSeconds: from }),
    ...(to === null ? {} : { toSeconds: to }),
  };
}

/** The date order of a sort order; relevance has none, except without a query (newest first). */
export function articleSort(sort: SortOrder, hasQuery: boolean): ArticleSort | undefined {
  if (sort === 'date_desc' || (sort === 'relevance' && !hasQuery)) return 'date_desc';
  if (sort === 'date_asc') return 'date_asc';
  return undefined;
}
