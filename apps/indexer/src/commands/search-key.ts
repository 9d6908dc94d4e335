import { statisticsIndexOf } from '@lib/search-core';

/**
 * Name of the search-only API key the indexer creates for the search API. A key keeps the
 * indexes it was created for, so the name changed when the key came to read term statistics
 * too: an older key of the old name is left as it was, for search APIs that still hold it.
 */
export const SEARCH_KEY_NAME = 'search-api (articles and term statistics)';

/** The indexes the search API reads: the articles and their term statistics. */
export function searchKeyIndexes(index: string): string[] {
  return [index, statisticsIndexOf(index)];
}
