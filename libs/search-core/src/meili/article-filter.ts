import type { SearchParams } from 'meilisearch';
import type {
  ArticleFilter,
  ArticleSearchParams,
  ArticleSort,
} from '../cluster/article-search.port.js';

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** An article filter in Meilisearch's filter syntax: one expression per field set. */
export function meiliFilter(filter: ArticleFilter = {}): string[] {
  const expressions: string[] = [];
  if (filter.lang !== undefined) expressions.push(`lang = ${quote(filter.lang)}`);
  if (filter.source !== undefined) expressions.push(`source = ${quote(filter.source)}`);
  if (filter.fromSeconds !== undefined)
    expressions.push(`published_ts >= ${String(filter.fromSeconds)}`);
  if (filter.toSeconds !== undefined)
    expressions.push(`published_ts <= ${String(filter.toSeconds)}`);
  return expressions;
}

/** A date order as Meilisearch's sort; none for relevance. */
export function meiliSort(sort: ArticleSort | undefined): string[] | undefined {
  if (sort === undefined) return undefined;
  return [sort === 'date_desc' ? 'published_ts:desc' : 'published_ts:asc'];
}

/** A search of the port as Meilisearch's search parameters. */
export function meiliSearchParams(params: ArticleSearchParams): SearchParams {
  const { filter, sort, ...rest } = params;
  const meiliSortOrder = meiliSort(sort);
  return {
    ...rest,
    filter: meiliFilter(filter),
    ...(meiliSortOrder === undefined ? {} : { sort: meiliSortOrder }),
  };
}
