import { HOMOGLYPH_TABLES } from './homoglyphs.js';

/** Whether a word starting with this UTF-16 code unit can analyze to one of some terms. */
export type FirstCharFilter = (code: number) => boolean;

const YO_UPPER = 0x401;
const YO = 0x451;
const YE = 0x435;

function isUpperPlain(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x410 && code <= 0x42f) || code === YO_UPPER;
}

/** The lower case of a basic Latin or Cyrillic letter or ASCII digit, else -1. */
function foldedPlain(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code; // 0-9
  if (code >= 0x61 && code <= 0x7a) return code; // a-z
  if (code >= 0x41 && code <= 0x5a) return code + 0x20; // A-Z
  if (code >= 0x430 && code <= 0x44f) return code; // а-я
  if (code >= 0x410 && code <= 0x42f) return code + 0x20; // А-Я
  if (code === YO || code === YO_UPPER) return YE;
  return -1;
}

/**
 * A filter that tells, from a word's first character alone, that the word cannot analyze to
 * any of `terms`, so that marking need not analyze it. Normalization folds only case and ё at
 * the start of a plain word, homoglyph repair may swap a look-alike letter of the other script,
 * and neither stemmer changes a word's first letter; a word starting with anything but a basic
 * Latin or Cyrillic letter or an ASCII digit is always analyzed. With `capitalized`, every
 * word starting with a capital passes too: names, matched by keys that any spelling may start.
 */
export function firstCharFilter(
  terms: Iterable<string>,
  options: { capitalized?: boolean } = {},
): FirstCharFilter {
  const firsts = new Set<number>();
  const { LATIN_TO_CYRILLIC, CYRILLIC_TO_LATIN } = HOMOGLYPH_TABLES;
  for (const term of terms) {
    const first = term[0];
    if (first === undefined) continue;
    for (const letter of [first, LATIN_TO_CYRILLIC.get(first), CYRILLIC_TO_LATIN.get(first)]) {
      if (letter !== undefined) firsts.add(foldedPlain(letter.charCodeAt(0)));
    }
    for (const [latin, cyrillic] of LATIN_TO_CYRILLIC) {
      if (cyrillic === first) firsts.add(latin.charCodeAt(0));
    }
  }
  const capitalized = options.capitalized === true;
  return (code) => {
    const folded = foldedPlain(code);
    return folded < 0 || firsts.has(folded) || (capitalized && isUpperPlain(code));
  };
}
