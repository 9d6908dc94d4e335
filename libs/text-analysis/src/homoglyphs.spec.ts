import { describe, expect, it } from 'vitest';
import { HOMOGLYPH_TABLES, repairHomoglyphs } from './homoglyphs.js';

describe('homoglyph tables', () => {
  it.each([...HOMOGLYPH_TABLES.LATIN_TO_CYRILLIC])(
    'Latin %s reads as Cyrillic %s inside a Cyrillic word',
    (latin, cyrillic) => {
      expect(latin).toMatch(/^[a-z]$/);
      expect(cyrillic).toMatch(/^[а-я]$/);
      expect(repairHomoglyphs(`${latin}ррр`)).toBe(`${cyrillic}ррр`);
    },
  );

  it.each([...HOMOGLYPH_TABLES.CYRILLIC_TO_LATIN])(
    'Cyrillic %s reads as Latin %s inside a Latin word',
    (cyrillic, latin) => {
      expect(repairHomoglyphs(`${cyrillic}nnn`)).toBe(`${latin}nnn`);
    },
  );
});

describe('repairHomoglyphs', () => {
  it.each([
    ['pоссия', 'россия'],
    ['mосква', 'москва'],
    ['rоme', 'rome'],
    ['москва', 'москва'],
    ['rome', 'rome'],
    ['пutin', 'пutin'],
    ['жz', 'жz'],
    ['abвг', 'abвг'],
  ])('%s -> %s', (word, expected) => {
    expect(repairHomoglyphs(word)).toBe(expected);
  });
});
