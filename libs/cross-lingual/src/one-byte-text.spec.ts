import { describe, expect, it } from 'vitest';
import { fromOneByte, toOneByte } from './one-byte-text.js';

/** Whether every character fits in one byte, which is what V8 stores in one byte. */
function isOneByte(text: string): boolean {
  return !/[\u0100-\uffff]/.test(text);
}

describe('toOneByte / fromOneByte', () => {
  it.each([
    ['ASCII', 'meet\tmeeting\nmeet'],
    ['Russian', 'встреча\tсобрание|ёлка\nЁЖ'],
    ['mixed', 'a bit\tмалость|чуть-чуть\n'],
    ['Latin-1 and Greek letters', 'señor\tсеньор|café\tкафе|α\tальфа'],
    ['characters outside the BMP', 'smile 😀\tулыбка'],
    ['the escape character itself', 'a\u007fb\tв'],
    ['Cyrillic at both ends of the moved block', '\u0400\u047f\u0480\u03ff'],
    ['empty', ''],
  ])('round-trips %s in one byte per character', (_name, text) => {
    const encoded = toOneByte(text);
    expect(isOneByte(encoded)).toBe(true);
    expect(fromOneByte(encoded)).toBe(text);
  });

  it('keeps ASCII, tabs and newlines where they were', () => {
    const encoded = toOneByte('key\tзначение\nnext\tvalue');
    expect(encoded.split('\n').map((line) => line.indexOf('\t'))).toEqual([3, 4]);
    expect(encoded.endsWith('next\tvalue')).toBe(true);
  });

  it('gives a Russian text one character per letter', () => {
    expect(toOneByte('встреча')).toHaveLength(7);
  });
});
