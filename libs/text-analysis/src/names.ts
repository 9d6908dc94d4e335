import { translate, WIKIPEDIA } from 'iuliia';
import { BoundedCache } from './bounded-cache.js';
import { normalizeWord } from './normalize.js';
import { scriptOfWord } from './script.js';
import { stripPossessive } from './stemmer.js';
import { analyzeWord } from './word-analysis.js';
import { scanRawTokens } from './tokenizer.js';

/**
 * Names across scripts. The press writes Трамп as Trump, Зеленский as Zelensky, Zelenskiy or
 * Zelenskyy: no transliteration scheme gives all of them, but their consonants agree, and so
 * does where the vowels stand, if not which vowels they are. A name's key is its shape after
 * Wikipedia-style romanization (the `iuliia` package): its consonants, each run of vowels as
 * one `a`, a final vowel dropped. Трамп and Trump both give `tramp`; Зеленскому, Zelensky and
 * Zelenskiy give `zalansk`. Consonants alone (`trm`) made Трамм match Term and Terumo.
 */

/** Russian case endings that hold a consonant; vowel endings vanish in the skeleton anyway. */
const CONSONANT_ENDINGS =
  /(?:ого|его|ому|ему|ами|ями|ыми|ими|ом|ем|ым|им|ой|ей|ых|их|ах|ях|ам|ям)$/;
/** Names with fewer consonants collide too often to be keyed ("Joe", "Ivan")... */
const MIN_KEY_CONSONANTS = 3;
/** ...unless they are acronyms ("NATO") or long for their consonants ("Yukos", "Obama"). */
const MIN_LONG_OR_ACRONYM_CONSONANTS = 2;
const LONG_NAME_LETTERS = 5;
export const NAME_KEY_CACHE_CAPACITY = 50_000;
let keyCache = new BoundedCache<WordShape | null>(NAME_KEY_CACHE_CAPACITY);

/** Replaces the name key cache with an empty one of `capacity` entries per generation. */
export function setNameKeyCacheCapacity(capacity: number): void {
  keyCache = new BoundedCache<WordShape | null>(capacity);
}

/** Romanizes Cyrillic as Wikipedia does ("Хабаровск" -> "Khabarovsk"). */
export function romanize(text: string): string {
  return translate(text, WIKIPEDIA);
}

/** Spellings of one sound unified, so that transliterations agree ("ph" and "f", "ck" and "k"). */
function unifySpelling(latin: string): string {
  return (
    latin
      .replace(/dzh/g, 'j')
      .replace(/ph/g, 'f')
      .replace(/ck/g, 'k')
      // ch (ч, "Chechnya") stays one sound of its own, written `c` once every other c is k.
      .replace(/ch/g, '\0')
      .replace(/[cq]/g, 'k')
      .replace(/\0/g, 'c')
      .replace(/x/g, 'ks')
      .replace(/w/g, 'v')
      // h sounds alone at the start or after a vowel ("Johnson"); after a consonant it makes
      // one sound with it (kh, sh, ch, zh) and stays.
      .replace(/(^|[aeiouy])h/g, '$1')
      .replace(/[^a-z]/g, '')
  );
}

/**
 * The shape of a lower-case Latin word: its consonants, each run of vowels as one `a`, a final
 * vowel dropped ("tillerson" -> "talarsan", "zelenskiy" -> "zalansk", "trump" -> "tramp").
 */
export function nameShape(latin: string): string {
  return unifySpelling(latin)
    .replace(/[aeiouy]+/g, 'a')
    .replace(/([^a])\1+/g, '$1')
    .replace(/a$/, '');
}

/** A word's shape, and how many letters its romanization has before any final vowels. */
interface WordShape {
  shape: string;
  letters: number;
}

/** The shape of a word's name, or null for a word of neither script. */
function computeShape(normalized: string): WordShape | null {
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
  const lower = latin.toLowerCase();
  return {
    shape: nameShape(lower),
    letters: unifySpelling(lower).replace(/[aeiouy]+$/, '').length,
  };
}

/**
 * The cross-script key of a word as written, or null when it has too few consonants to tell
 * names apart: three, or two for an acronym or a word of five letters or more before a final
 * vowel ("ОПЕК" and "OPEC" give `apak`, «ЮКОС» and "Yukos" `akas`; "Iran" has none).
 */
export function nameKey(word: string): string | null {
  const computed = keyCache.get(normalizeWord(word), computeShape);
  if (computed === null) return null;
  const { shape, letters } = computed;
  const consonants = shape.replace(/a/g, '').length;
  const loose = isAcronym(word) || letters >= LONG_NAME_LETTERS;
  return consonants >= (loose ? MIN_LONG_OR_ACRONYM_CONSONANTS : MIN_KEY_CONSONANTS) ? shape : null;
}

function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

/** "ВОЗ", "NATO": two or more letters, all capitals. */
export function isAcronym(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** What a text shows of its names (see nameUsage). */
export interface NameUsage {
  /** Keys of the capitalized words, each once, in order (compounds keyed by part). */
  keys: string[];
  /** Analyzed terms of the words the text uses as names. */
  terms: Set<string>;
  /**
   * Terms the text writes only capitalized, and only where a sentence opens («Путин мне пока
   * не звонил»): names or common words, which a lexicon of names can tell.
   */
  openingOnly: Set<string>;
}

/** Characters that end a sentence, so that the next word's capital says nothing. */
const SENTENCE_END = /[.!?…\n]/;
/** Characters that may stand between a sentence's end and its first word. */
const OPENING = /[\s"'«»„“”‘’()[\]\-–—]/;

/** True when the word at `start` opens the text, a line or a sentence. */
function opensSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const char = text.charAt(i);
    if (char === '\n' || SENTENCE_END.test(char)) return true;
    if (!OPENING.test(char)) return false;
  }
  return true;
}

/** Lines written all in capitals (wire-service headlines), whose capitals say nothing. */
function capitalLines(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line !== line.toLowerCase() && line === line.toUpperCase()) ranges.push([start, end]);
    start = end + 1;
  }
  return ranges;
}

/**
 * The names of a text: the cross-script keys of its capitalized words, and the terms it uses
 * as names. A term is a name when the text capitalizes it inside a sentence (or writes it as an
 * acronym) at least as often as it writes it in lower case: «Путина» in "встреча Путина" is the
 * president, not "путина" (a fishing season), while a sentence's first word is capitalized
 * anyway. Lines all in capitals give neither keys nor evidence.
 */
export function nameUsage(text: string): NameUsage {
  const keys = new Set<string>();
  const asName = new Map<string, number>();
  const asWord = new Map<string, number>();
  const atOpening = new Map<string, number>();
  const shouting = capitalLines(text);
  const count = (counts: Map<string, number>, part: string): void => {
    const term = analyzeWord(part)?.term;
    if (term !== undefined) counts.set(term, (counts.get(term) ?? 0) + 1);
  };
  scanRawTokens(text, (surface, start, kind) => {
    if (kind !== 'word') return;
    if (shouting.some(([from, to]) => start >= from && start < to)) return;
    const parts = surface.split(/[-\u2010\u2011]/).filter((part) => part.length > 0);
    if (!isCapitalized(surface)) {
      for (const part of parts) count(asWord, part);
      return;
    }
    for (const part of parts) {
      const key = nameKey(part);
      if (key !== null) keys.add(key);
    }
    const counts = isAcronym(surface) || !opensSentence(text, start) ? asName : atOpening;
    for (const part of parts) if (isCapitalized(part)) count(counts, part);
  });
  const terms = new Set<string>();
  for (const [term, times] of asName) if (times >= (asWord.get(term) ?? 0)) terms.add(term);
  const openingOnly = new Set<string>();
  for (const term of atOpening.keys())
    if (!asName.has(term) && !asWord.has(term)) openingOnly.add(term);
  return { keys: [...keys], terms, openingOnly };
}

/** Keys of the capitalized words of a text (names, mostly), each once, in order. */
export function nameKeys(text: string): string[] {
  return nameUsage(text).keys;
}
