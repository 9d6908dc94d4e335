/** Name of the search-only API key the indexer creates for the search API. */
export const SEARCH_KEY_NAME = 'search-api';
