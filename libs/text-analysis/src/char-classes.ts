/**
 * Character classes for the tokenizer, looked up per code point from a table filled on first
 * sight (a Unicode-property regex per character would be slow; per token it is slower still on
 * Russian text).
 */

/** Letters, digits and marks, plus the invisible characters that may sit inside a word. */
export const WORD_CLASS = String.raw`[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]`;

export const IS_WORD = 1;
export const IS_LETTER = 2;
export const IS_DIGIT = 4;
const KNOWN = 128;

const WORD_CHAR = new RegExp(`^${WORD_CLASS}$`, 'u');
const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{N}$/u;

const bmpClasses = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function classify(char: string): number {
  let bits = KNOWN;
  if (WORD_CHAR.test(char)) bits |= IS_WORD;
  if (LETTER.test(char)) bits |= IS_LETTER;
  if (DIGIT.test(char)) bits |= IS_DIGIT;
  return bits;
}

/** The class bits of the code point at `index` (0 for a lone surrogate or past the end). */
export function classAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdfff) {
    let bits = bmpClasses[code] ?? 0;
    if (bits === 0) {
      if (Number.isNaN(code)) return 0;
      bits = classify(String.fromCharCode(code));
      bmpClasses[code] = bits;
    }
    return bits;
  }
  const point = text.codePointAt(index) ?? 0;
  if (point <= 0xffff) return 0;
  let bits = astralClasses.get(point);
  if (bits === undefined) {
    bits = classify(String.fromCodePoint(point));
    if (astralClasses.size < 4096) astralClasses.set(point, bits);
  }
  return bits;
}

/** Code units taken by the code point at `index`: 2 for a surrogate pair, else 1. */
export function widthAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00
    ? 2
    : 1;
}

/** Hyphens and apostrophes join word parts ("северо-запад", "O'Neill", "Trump’s"). */
export function isJoiner(code: number): boolean {
  return (
    code === 0x2d ||
    code === 0x27 ||
    code === 0x2010 ||
    code === 0x2011 ||
    code === 0x2019 ||
    code === 0x02bc
  );
}

/** Separators inside numbers: "11.11.2017", "1,5", "10:30". */
export function isNumberSeparator(code: number): boolean {
  return code === 0x2e || code === 0x2c || code === 0x3a;
}
