/**
 * Character-level normalization of one word, applied to documents and queries alike.
 * Soft hyphens, zero-width characters and combining stress marks disappear, typographic
 * apostrophes and dashes become ASCII, NFKC folds compatibility forms, case is folded and
 * ё becomes е (the Snowball Russian stemmer treats them as different letters).
 */

/** Characters removed from inside words: soft hyphen, zero-width space/joiners, word joiner, BOM. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** Combining acute and grave accents, used as stress marks in Russian ("заме́ток"). */
const STRESS_MARKS = /[\u0300\u0301]/g;
const APOSTROPHES = /[\u2019\u2018\u02BC\u02B9\u0060\u00B4]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
/** Words made only of these need none of the slow steps: ASCII letters/digits and basic Cyrillic. */
const SIMPLE_WORD = /^[A-Za-z0-9\u0410-\u044F\u0401\u0451]+$/;

/** Unifies typographic apostrophes and dashes to ASCII ' and -. */
export function unifyPunctuation(text: string): string {
  return text.replace(APOSTROPHES, "'").replace(DASHES, '-');
}

/** Folds ё to е and Ё to Е. */
export function foldYo(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

/** Normalizes one word as it stands in the text to the form that is stemmed. */
export function normalizeWord(surface: string): string {
  if (SIMPLE_WORD.test(surface)) return foldYo(surface.toLowerCase());
  const cleaned = unifyPunctuation(surface.replace(INVISIBLE, '').replace(STRESS_MARKS, ''));
  return foldYo(cleaned.normalize('NFKC').toLowerCase());
}
