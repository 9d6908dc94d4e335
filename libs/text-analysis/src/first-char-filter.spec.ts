import { describe, expect, it } from 'vitest';
import { analyzeWord } from './word-analysis.js';
import { firstCharFilter } from './first-char-filter.js';

const code = (ch: string): number => ch.charCodeAt(0);

describe('firstCharFilter', () => {
  const mayMatch = firstCharFilter(['сир', 'trump', '2017', 'елк']);

  it('passes words starting with a term first letter in either case', () => {
    for (const ch of ['с', 'С', 't', 'T', '2', 'е', 'Е', 'ё', 'Ё'])
      expect(mayMatch(code(ch))).toBe(true);
  });

  it('passes look-alike letters of the other script, which homoglyph repair may swap', () => {
    // Latin c and C may start a Cyrillic word ("Cирия" typed with a Latin C).
    expect(mayMatch(code('c'))).toBe(true);
    expect(mayMatch(code('C'))).toBe(true);
    expect(analyzeWord('Cирии')?.term).toBe('сир');
    // Latin e for е; Cyrillic т for t.
    expect(mayMatch(code('e'))).toBe(true);
    expect(mayMatch(code('т'))).toBe(true);
  });

  it('rules out other basic letters and digits', () => {
    for (const ch of ['а', 'Б', 'x', 'Z', '1', '9']) expect(mayMatch(code(ch))).toBe(false);
  });

  it('passes anything else, which normalization may change', () => {
    for (const ch of ['Ａ', 'é', "'", '\u00AD', '\u0301', 'ß', '٣'])
      expect(mayMatch(code(ch))).toBe(true);
  });

  it('rules out every plain word when there are no terms', () => {
    expect(firstCharFilter([])(code('a'))).toBe(false);
  });
});
