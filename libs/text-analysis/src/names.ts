import { translate, WIKIPEDIA } from 'iuliia';
import { BoundedCache } from './bounded-cache.js';
import { normalizeWord } from './normalize.js';
import { scriptOfWord } from './script.js';
import { stripPossessive } from './stemmer.js';
import { scanRawTokens } from './tokenizer.js';

/**
 * Names across scripts. The press writes Трамп as Trump, Зеленский as Zelensky, Zelenskiy or
 * Zelenskyy: no transliteration scheme gives all of them, but their consonants agree. A name's
 * key is its consonant skeleton after Wikipedia-style romanization (the `iuliia` package), so
 * Трамп and Trump both give `trmp`, and Зеленскому, Zelensky and Zelenskiy give `zlnsk`.
 */

/** Russian case endings that hold a consonant; vowel endings vanish in the skeleton anyway. */
const CONSONANT_ENDINGS =
  /(?:ого|его|ому|ему|ами|ями|ыми|ими|ом|ем|ым|им|ой|ей|ых|их|ах|ях|ам|ям)$/;
/** Shorter keys collide too often to mean a name. */
const MIN_KEY_LENGTH = 3;
export const NAME_KEY_CACHE_CAPACITY = 50_000;
let keyCache = new BoundedCache<string | null>(NAME_KEY_CACHE_CAPACITY);

/** Replaces the name key cache with an empty one of `capacity` entries per generation. */
export function setNameKeyCacheCapacity(capacity: number): void {
  keyCache = new BoundedCache<string | null>(capacity);
}

/** Romanizes Cyrillic as Wikipedia does ("Хабаровск" -> "Khabarovsk"). */
export function romanize(text: string): string {
  return translate(text, WIKIPEDIA);
}

/** The consonant skeleton of a lower-case Latin word ("tillerson" -> "tlrsn"). */
export function consonantSkeleton(latin: string): string {
  const unified = latin
    .replace(/dzh/g, 'j')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    // h sounds alone at the start or after a vowel ("Johnson"); after a consonant it makes
    // one sound with it (kh, sh, ch, zh) and stays.
    .replace(/(^|[aeiouy])h/g, '$1');
  return unified
    .replace(/[^a-z]/g, '')
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1');
}

function computeKey(normalized: string): string | null {
  const script = scriptOfWord(normalized);
  let latin: string;
  if (script === 'cyrillic') {
    const stem = normalized.replace(CONSONANT_ENDINGS, '');
    latin = romanize(stem.length >= 3 ? stem : normalized);
  } else if (script === 'latin') {
    latin = stripPossessive(normalized.replace(/\u2019/g, "'"));
  } else {
    return null;
  }
  const key = consonantSkeleton(latin.toLowerCase());
  return key.length >= MIN_KEY_LENGTH ? key : null;
}

/** The cross-script key of a word as written, or null when it has too few consonants. */
export function nameKey(word: string): string | null {
  return keyCache.get(normalizeWord(word), computeKey);
}

function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

/** Keys of the capitalized words of a text (names, mostly), each once, in order. */
export function nameKeys(text: string): string[] {
  const keys = new Set<string>();
  scanRawTokens(text, (surface, _start, kind) => {
    if (kind !== 'word' || !isCapitalized(surface)) return;
    for (const part of surface.split(/[-\u2010\u2011]/)) {
      const key = part.length > 0 ? nameKey(part) : null;
      if (key !== null) keys.add(key);
    }
  });
  return [...keys];
}
