/** The writing system a token was read in; it decides which stemmer applies. */
export type TokenScript = 'cyrillic' | 'latin' | 'number' | 'mixed' | 'other';

const CYRILLIC_FIRST = 0x0400;
const CYRILLIC_LAST = 0x052f;
const LETTER = /\p{L}/u;

/** True for a UTF-16 code unit in the Cyrillic and Cyrillic Supplement blocks. */
export function isCyrillicCode(code: number): boolean {
  return code >= CYRILLIC_FIRST && code <= CYRILLIC_LAST;
}

/** True for a UTF-16 code unit that is a Latin letter (Basic Latin, Latin-1, Extended-A/B). */
export function isLatinCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

/** True for an ASCII digit. */
export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Counts of letters per script in a string. */
export interface ScriptCounts {
  cyrillic: number;
  latin: number;
  digits: number;
  other: number;
}

/** Counts Cyrillic letters, Latin letters, digits and other letters of `text`. */
export function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { cyrillic: 0, latin: 0, digits: 0, other: 0 };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (isAsciiDigit(code)) counts.digits++;
      else if (isLatinCode(code)) counts.latin++;
    } else if (isCyrillicCode(code)) counts.cyrillic++;
    else if (isLatinCode(code)) counts.latin++;
    else if (LETTER.test(text[i] ?? '')) counts.other++;
  }
  return counts;
}

/** The script of one normalized word: the one its letters are written in. */
export function scriptOfWord(word: string): TokenScript {
  const { cyrillic, latin, digits, other } = countScripts(word);
  if (cyrillic > 0 && latin === 0 && other === 0) return 'cyrillic';
  if (latin > 0 && cyrillic === 0 && other === 0) return 'latin';
  if (cyrillic === 0 && latin === 0 && other === 0) return digits > 0 ? 'number' : 'other';
  if (other > 0 && cyrillic === 0 && latin === 0) return 'other';
  return 'mixed';
}
