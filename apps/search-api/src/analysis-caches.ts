import type { CacheCapacities } from '@lib/text-analysis';

/**
 * The analyzer's memo caches in the search API. The defaults hold a corpus's frequent words for
 * the indexer (about 45 MB when full); the API analyzes queries, titles and snippet regions, whose
 * common words fit in far less, and its whole heap is capped at 128 MB (SEARCH_API_NODE_FLAGS
 * in the indexer's serve command, and the Dockerfile). Full, these take about 20 MB.
 */
export const SEARCH_API_CACHE_CAPACITIES: CacheCapacities = {
  words: 60_000,
  stems: 20_000,
  nameKeys: 10_000,
};
