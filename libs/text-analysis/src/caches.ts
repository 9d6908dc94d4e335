import { NAME_KEY_CACHE_CAPACITY, setNameKeyCacheCapacity } from './names.js';
import { setStemCacheCapacity, STEM_CACHE_CAPACITY } from './stemmer.js';
import { setWordCacheCapacity, WORD_CACHE_CAPACITY } from './word-analysis.js';

/** Entries per generation of each of the analyzer's memo caches (each holds two generations). */
export interface CacheCapacities {
  /** Analyzed words by surface. */
  words: number;
  /** Stems by normalized word, per language. */
  stems: number;
  /** Cross-script name keys by word. */
  nameKeys: number;
}

/**
 * The defaults, sized for the indexer: the frequent part of a corpus's vocabulary, about 45 MB
 * when full (twice these took 30 MB more and analyzed no faster). A process that meets fewer
 * words (the search API) sets smaller ones.
 */
export const DEFAULT_CACHE_CAPACITIES: CacheCapacities = {
  words: WORD_CACHE_CAPACITY,
  stems: STEM_CACHE_CAPACITY,
  nameKeys: NAME_KEY_CACHE_CAPACITY,
};

/** Replaces the named caches with empty ones of the given capacities (results are unchanged). */
export function configureAnalysisCaches(capacities: Partial<CacheCapacities>): void {
  for (const [name, capacity] of Object.entries(capacities)) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`cache capacity of ${name} must be a positive integer`);
  }
  if (capacities.words !== undefined) setWordCacheCapacity(capacities.words);
  if (capacities.stems !== undefined) setStemCacheCapacity(capacities.stems);
  if (capacities.nameKeys !== undefined) setNameKeyCacheCapacity(capacities.nameKeys);
}
