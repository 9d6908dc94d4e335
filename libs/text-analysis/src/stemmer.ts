import { newStemmer, type SnowballStemmer } from 'snowball-stemmers';
import { BoundedCache, detachString } from './bounded-cache.js';
import type { TokenScript } from './script.js';

const russian: SnowballStemmer = newStemmer('russian');
const english: SnowballStemmer = newStemmer('english');
const stemRussian = (word: string): string => russian.stem(word);
const stemEnglish = (word: string): string => english.stem(word);

/** Default capacity: news vocabularies hold a few hundred thousand forms; the frequent fit. */
export const STEM_CACHE_CAPACITY = 50_000;
let russianCache = new BoundedCache<string>(STEM_CACHE_CAPACITY, detachString);
let englishCache = new BoundedCache<string>(STEM_CACHE_CAPACITY, detachString);

/** Replaces the stem caches with empty ones of `capacity` entries per generation each. */
export function setStemCacheCapacity(capacity: number): void {
  russianCache = new BoundedCache<string>(capacity, detachString);
  englishCache = new BoundedCache<string>(capacity, detachString);
}

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

/**
 * Russian names in -ов and -ев (Лавров, Медведев, Киев, Ростов). Snowball reads the ending as a
 * genitive plural («городов» -> `город`), so the name's nominative loses it (`лавр`, `ки`, `рост`,
 * growth) where every other case keeps it (Лаврова, Лаврову -> `лавров`): a reader searching
 * «Лавров» missed «Лаврова». A word written with a capital that ends so is read as a name and
 * keeps its ending: one term for all its cases.
 */
const NAME_IN_OV = /^[а-я]{2,}[ое]в$/;

/** The term of a normalized Cyrillic word as a capitalized name in -ов/-ев, or null. */
export function russianNameTerm(word: string): string | null {
  return NAME_IN_OV.test(word) ? word : null;
}

/** Strips an English possessive ("trump's" -> "trump", "leaders'" -> "leaders"). */
export function stripPossessive(word: string): string {
  if (word.endsWith("'s")) return word.slice(0, -2);
  if (word.endsWith("'")) return word.slice(0, -1);
  return word;
}
