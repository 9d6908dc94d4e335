import { describe, expect, it } from 'vitest';
import { matchTerms } from './match-terms.js';
import { highlightText } from './snippet.renderer.js';

describe('matchTerms', () => {
  it('marks names written in the other script by their keys', () => {
    const terms = matchTerms(['встреч'], ['tramp', 'talarsan']);
    expect(highlightText('Встреча Трампа и Тиллерсона', terms)).toBe(
      '<mark>Встреча</mark> <mark>Трампа</mark> и <mark>Тиллерсона</mark>',
    );
    expect([...terms]).toEqual(['встреч']);
  });

  it('is a plain set without name keys', () => {
    const terms = matchTerms(['oil']);
    expect(terms.has('oil')).toBe(true);
    expect(terms.has('trump')).toBe(false);
  });
});
