import { detachString } from './bounded-cache.js';
import { repairHomoglyphs } from './homoglyphs.js';
import { normalizeWord } from './normalize.js';
import { RangeCache } from './range-cache.js';
import { scriptOfWord, type TokenScript } from './script.js';
import { stemWord } from './stemmer.js';
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
  const term = stemWord(word, script);
  return term.length === 0 ? null : { term, script, stop };
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

/** Numbers keep their digits; separators become '_' so Meilisearch keeps them one word. */
export function analyzeNumber(surface: string): TermInfo {
  return { term: normalizeWord(surface).replace(/[.,:]/g, '_'), script: 'number', stop: false };
}
