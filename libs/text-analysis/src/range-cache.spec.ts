import { describe, expect, it } from 'vitest';
import { RangeCache } from './range-cache.js';

describe('RangeCache', () => {
  it('finds a word by its characters in any text, computing it once', () => {
    const cache = new RangeCache<number>(8);
    let computed = 0;
    const length = (word: string): number => {
      computed++;
      return word.length;
    };
    expect(cache.get('the word here', 4, 8, length)).toBe(4);
    expect(cache.get('word', 0, 4, length)).toBe(4);
    expect(cache.get('a word', 2, 6, length)).toBe(4);
    expect(computed).toBe(1);
    expect(cache.get('words', 0, 5, length)).toBe(5);
    expect(computed).toBe(2);
  });

  it('passes the exact word to compute', () => {
    const cache = new RangeCache<string>(8);
    expect(cache.get('Путин встретился', 6, 16, (word) => word)).toBe('встретился');
  });

  it('stays within two generations and keeps recent words', () => {
    const cache = new RangeCache<string>(100);
    for (let i = 0; i < 1000; i++) cache.get(`w${String(i)}`, 0, `w${String(i)}`.length, (w) => w);
    expect(cache.size).toBeLessThanOrEqual(200);
    let computed = 0;
    cache.get('w999', 0, 4, (w) => {
      computed++;
      return w;
    });
    expect(computed).toBe(0);
  });

  it('grows its tables with its entries and finds every one of them', () => {
    const cache = new RangeCache<string>(5000);
    const words = Array.from({ length: 4000 }, (_, i) => `слово${String(i)}`);
    for (const word of words) cache.get(word, 0, word.length, (w) => w);
    let computed = 0;
    for (const word of words) {
      const found = cache.get(` ${word} `, 1, word.length + 1, (w) => {
        computed++;
        return w;
      });
      expect(found).toBe(word);
    }
    expect(computed).toBe(0);
    expect(cache.size).toBe(4000);
  });
});
