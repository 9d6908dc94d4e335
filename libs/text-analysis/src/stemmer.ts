import { newStemmer, type SnowballStemmer } from 'snowball-stemmers';
import type { TokenScript } from './script.js';

/**
 * A bounded memo of stems in two generations: lookups hit the young map first, then the old
 * one; when the young map is full it becomes the old one. Memory stays under 2 x capacity and
 * every operation is O(1), unlike an LRU list.
 */
export class StemCache {
  private young = new Map<string, string>();
  private old = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  /** The cached stem of `word`, computing it with `stem` on a miss. */
  get(word: string, stem: (word: string) => string): string {
    const hit = this.young.get(word);
    if (hit !== undefined) return hit;
    const value = this.old.get(word) ?? stem(word);
    if (this.young.size >= this.capacity) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(word, value);
    return value;
  }

  /** Number of entries held, at most twice the capacity. */
  get size(): number {
    return this.young.size + this.old.size;
  }
}

const russian: SnowballStemmer = newStemmer('russian');
const english: SnowballStemmer = newStemmer('english');
const stemRussian = (word: string): string => russian.stem(word);
const stemEnglish = (word: string): string => english.stem(word);

/** Default capacity: news vocabularies hold a few hundred thousand forms; this keeps ~10 MB. */
export const STEM_CACHE_CAPACITY = 100_000;
const russianCache = new StemCache(STEM_CACHE_CAPACITY);
const englishCache = new StemCache(STEM_CACHE_CAPACITY);

/**
 * Stems a normalized word by its script: Cyrillic with the Russian Snowball stemmer, Latin with
 * the English one; anything else is returned as is.
 */
export function stemWord(word: string, script: TokenScript): string {
  switch (script) {
    case 'cyrillic':
      return russianCache.get(word, stemRussian);
    case 'latin':
      return englishCache.get(stripPossessive(word), stemEnglish).replace(/'/g, '');
    case 'number':
    case 'mixed':
    case 'other':
      return word;
  }
}

/** Strips an English possessive ("trump's" -> "trump", "leaders'" -> "leaders"). */
export function stripPossessive(word: string): string {
  if (word.endsWith("'s")) return word.slice(0, -2);
  if (word.endsWith("'")) return word.slice(0, -1);
  return word;
}
