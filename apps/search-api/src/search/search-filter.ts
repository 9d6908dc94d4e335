import { dateRangeSeconds } from './date-range.js';
import type { SearchQueryDto, SortOrder } from './search-query.dto.js';

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The Meilisearch filter expressions for the request's lang, source and date range. */
export function buildFilter(
  params: Pick<SearchQueryDto, 'lang' | 'source' | 'from' | 'to'>,
): string[] {
  const filter: string[] = [];
  if (params.lang !== undefined) filter.push(`lang = ${quote(params.lang)}`);
  if (params.source !== undefined && params.source.length > 0)
    filter.push(`source = ${quote(params.source)}`);
  const { from, to } = dateRangeSeconds(params);
  if (from !== null) filter.push(`published_ts >= ${from}`);
  if (to !== null) filter.push(`published_ts <= ${to}`);
  return filter;
}

/** The Meilisearch sort for a sort order; relevance needs none. */
export function buildSort(sort: SortOrder, hasQuery: boolean): string[] | undefined {
  if (sort === 'date_desc' || (sort === 'relevance' && !hasQuery)) return ['published_ts:desc'];
  if (sort === 'date_asc') return ['published_ts:asc'];
  return undefined;
}
