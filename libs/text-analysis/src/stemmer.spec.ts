import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.js';
import { stemWord, stripPossessive } from './stemmer.js';

describe('BoundedCache', () => {
  it('stays within twice its capacity and computes each word once while cached', () => {
    const cache = new BoundedCache<string>(100);
    let calls = 0;
    const stem = (word: string): string => {
      calls++;
      return word.slice(0, 3);
    };
    for (let i = 0; i < 10_000; i++) cache.get(`word${i}`, stem);
    expect(cache.size).toBeLessThanOrEqual(200);
    calls = 0;
    cache.get('word9999', stem);
    expect(calls).toBe(0);
  });
});

describe('stemWord', () => {
  it.each([
    ['встречи', 'cyrillic', 'встреч'],
    ['meetings', 'latin', 'meet'],
    ["trump's", 'latin', 'trump'],
    ['2017', 'number', '2017'],
    ['北京', 'other', '北京'],
  ] as const)('%s (%s) -> %s', (word, script, expected) => {
    expect(stemWord(word, script)).toBe(expected);
  });

  it('strips possessives', () => {
    expect(stripPossessive("putin's")).toBe('putin');
    expect(stripPossessive("leaders'")).toBe('leaders');
    expect(stripPossessive('news')).toBe('news');
  });
});
