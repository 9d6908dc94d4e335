import { toUnixSeconds } from '@lib/search-core';
import type { SearchQueryDto, SortOrder } from './search-query.dto.js';

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** End of the day for a bare date, so `to=2017-11-11` includes that day. */
function endOf(iso: string): number | null {
  const seconds = toUnixSeconds(iso);
  if (seconds === null) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? seconds + 86_399 : seconds;
}

/** The Meilisearch filter expressions for the request's lang, source and date range. */
export function buildFilter(
  params: Pick<SearchQueryDto, 'lang' | 'source' | 'from' | 'to'>,
): string[] {
  const filter: string[] = [];
  if (params.lang !== undefined) filter.push(`lang = ${quote(params.lang)}`);
  if (params.source !== undefined && params.source.length > 0)
    filter.push(`source = ${quote(params.source)}`);
  const from = params.from === undefined ? null : toUnixSeconds(params.from);
  const to = params.to === undefined ? null : endOf(params.to);
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
