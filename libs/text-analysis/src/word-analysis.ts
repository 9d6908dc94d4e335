import { detachString } from './bounded-cache.js';
import { repairHomoglyphs } from './homoglyphs.js';
import { normalizeWord } from './normalize.js';
import { RangeCache } from './range-cache.js';
import { scriptOfWord, type TokenScript } from './script.js';
import { russianNameTerm, stemWord } from './stemmer.js';
import { isStopWord } from './stop-words.js';

/** What one word analyzes to. */
export interface TermInfo {
  term: string;
  script: TokenScript;
  stop: boolean;
}

/** Longer words (base64, hashes, glued text) are kept as a prefix, unstemmed. */
export const MAX_TERM_LENGTH = 64;
const APOSTROPHES = /['\u2019\u02BC]/g;
/** Analyzed words by surface: news vocabularies repeat, so most words cost one lookup. */
export const WORD_CACHE_CAPACITY = 100_000;
let wordCache = new RangeCache<TermInfo | null>(WORD_CACHE_CAPACITY);

/** Replaces the word cache with an empty one of `capacity` entries per generation. */
export function setWordCacheCapacity(capacity: number): void {
  wordCache = new RangeCache<TermInfo | null>(capacity);
}

function analyzeUncachedWord(slice: string): TermInfo | null {
  const normalized = normalizeWord(detachString(slice));
  if (normalized.length === 0) return null;
  if (normalized.length > MAX_TERM_LENGTH) {
    return { term: normalized.slice(0, MAX_TERM_LENGTH), script: 'other', stop: false };
  }
  const repaired = repairHomoglyphs(normalized);
  const script = scriptOfWord(repaired);
  const word = script === 'latin' ? repaired : repaired.replace(APOSTROPHES, '');
  const stop = isStopWord(word.replace(APOSTROPHES, ''), script);
  const name = script === 'cyrillic' && isCapitalized(slice) ? russianNameTerm(word) : null;
  const term = name ?? stemWord(word, script);
  return term.length === 0 ? null : { term, script, stop };
}

function isCapitalized(surface: string): boolean {
  const first = surface.charAt(0);
  return first !== first.toLowerCase();
}

/** Normalizes, repairs, stems and flags one word (null when nothing is left of it). */
export function analyzeWord(surface: string): TermInfo | null {
  return analyzeWordAt(surface, 0, surface.length);
}

/** analyzeWord for `text.slice(start, end)`, without making the slice when the word is known. */
export function analyzeWordAt(text: string, start: number, end: number): TermInfo | null {
  return end - start > MAX_TERM_LENGTH
    ? analyzeUncachedWord(text.slice(start, end))
    : wordCache.get(text, start, end, analyzeUncachedWord);
}

/** "U.S." -> us: the letters, never a stop word. */
export function analyzeAbbreviation(surface: string): TermInfo {
  const letters = normalizeWord(surface.replace(/\./g, ''));
  return { term: letters, script: scriptOfWord(letters), stop: false };
}

/** What a number's separators become in its term ("11.11.2017" -> 11_11_2017). */
export const NUMBER_SEPARATOR = '_';

/**
 * Numbers keep their digits; separators become NUMBER_SEPARATOR, one character for all of them
 * ("1,5" and "1.5" are the same number), which Meilisearch splits at like any separator.
 */
export function analyzeNumber(surface: string): TermInfo {
  return {
    term: normalizeWord(surface).replace(/[.,:]/g, NUMBER_SEPARATOR),
    script: 'number',
    stop: false,
  };
}

/**
 * A term as a word of a Meilisearch query: a number with separators goes as a quoted phrase,
 * so that its digit groups, which Meilisearch indexes as words of their own, must stand
 * together and in order ("1_5" finds "1,5", never "5 … 1").
 */
export function queryWord(term: string): string {
  return /^\d/.test(term) && term.includes(NUMBER_SEPARATOR) ? `"${term}"` : term;
}

/** How many words Meilisearch reads in a term: each digit group of a number is one. */
export function queryWordCount(term: string): number {
  return /^\d/.test(term) ? term.split(NUMBER_SEPARATOR).length : 1;
}
