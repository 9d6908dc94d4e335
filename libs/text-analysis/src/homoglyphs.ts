import { countScripts } from './script.js';

/**
 * Latin letters that look like Cyrillic ones, lower case only: the analyzer repairs words
 * after case folding. Each entry is tested in homoglyphs.spec.ts.
 */
const LATIN_TO_CYRILLIC: ReadonlyMap<string, string> = new Map([
  ['a', 'а'],
  ['e', 'е'],
  ['o', 'о'],
  ['p', 'р'],
  ['c', 'с'],
  ['y', 'у'],
  ['x', 'х'],
  ['k', 'к'],
  ['m', 'м'],
  ['t', 'т'],
  ['b', 'в'],
  ['h', 'н'],
]);

const CYRILLIC_TO_LATIN: ReadonlyMap<string, string> = new Map(
  [...LATIN_TO_CYRILLIC].filter(([latin]) => 'aeopcyx'.includes(latin)).map(([l, c]) => [c, l]),
);

function replaceAll(word: string, table: ReadonlyMap<string, string>): string | null {
  let out = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    const isLetter = code > 0x7f || (code >= 0x61 && code <= 0x7a);
    const mapped = table.get(ch);
    if (mapped !== undefined) out += mapped;
    else if (isLetter && !(table === LATIN_TO_CYRILLIC ? code >= 0x400 : code < 0x80)) return null;
    else out += ch;
  }
  return out;
}

/**
 * Repairs a lower-cased word that mixes Cyrillic and Latin look-alike letters: a word that is
 * mostly Cyrillic with Latin look-alikes ("pоссия" with a Latin p) is read as Cyrillic, and the
 * reverse. A word whose minority letters have no look-alike, or a tie, is returned unchanged.
 */
export function repairHomoglyphs(word: string): string {
  const { cyrillic, latin } = countScripts(word);
  if (cyrillic === 0 || latin === 0 || cyrillic === latin) return word;
  const table = cyrillic > latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  return replaceAll(word, table) ?? word;
}

/** The look-alike tables, exported for their tests. */
export const HOMOGLYPH_TABLES = { LATIN_TO_CYRILLIC, CYRILLIC_TO_LATIN } as const;
