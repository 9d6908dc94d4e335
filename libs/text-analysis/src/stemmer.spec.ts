import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.js';
import { russianNameTerm, stemWord, stripPossessive } from './stemmer.js';
import { analyzeWord } from './word-analysis.js';

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

describe('Russian names in -ов and -ев', () => {
  it('give one term in every case when written with a capital', () => {
    const terms = (words: string[]): Array<string | undefined> =>
      words.map((word) => analyzeWord(word)?.term);
    expect(terms(['Лавров', 'Лаврова', 'Лаврову', 'Лавровым', 'ЛАВРОВ'])).toEqual(
      Array(5).fill('лавров'),
    );
    expect(terms(['Киев', 'Киева', 'Киеве'])).toEqual(['киев', 'киев', 'киев']);
    // Snowball took the nominative's ending: Ростов was `рост` (growth), Киев `ки`.
    expect(analyzeWord('Ростов')?.term).not.toBe(analyzeWord('рост')?.term);
  });

  it('leave lower-case genitive plurals to Snowball', () => {
    expect(analyzeWord('долларов')?.term).toBe('доллар');
    expect(analyzeWord('городов')?.term).toBe(analyzeWord('город')?.term);
  });

  it('need two letters before the ending', () => {
    expect(russianNameTerm('лавров')).toBe('лавров');
    expect(russianNameTerm('ров')).toBeNull();
    expect(russianNameTerm('путин')).toBeNull();
  });
});
