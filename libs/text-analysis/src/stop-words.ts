import { eng, rus } from 'stopword';
import { foldYo } from './normalize.js';
import type { TokenScript } from './script.js';

/**
 * Stop words: the Snowball lists for Russian and English as packaged by `stopword`, folded the
 * way the analyzer folds words. Sets, so each token costs one hash lookup.
 */
const RUSSIAN_STOP_WORDS: ReadonlySet<string> = new Set(rus.map((w) => foldYo(w.toLowerCase())));
const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(eng.map((w) => w.toLowerCase()));

/** True when the normalized (unstemmed) word is a stop word of its script's language. */
export function isStopWord(word: string, script: TokenScript): boolean {
  if (script === 'cyrillic') return RUSSIAN_STOP_WORDS.has(word);
  if (script === 'latin') return ENGLISH_STOP_WORDS.has(word);
  return false;
}

/** The stop word lists, for tests and documentation. */
export const STOP_WORDS = { ru: RUSSIAN_STOP_WORDS, en: ENGLISH_STOP_WORDS } as const;
