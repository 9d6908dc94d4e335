import { describe, expect, it } from 'vitest';
import { analyzeNumber, queryWord, queryWordCount } from './word-analysis.js';

describe('queryWord', () => {
  it('quotes a number with separators, whose digit groups Meilisearch reads as words', () => {
    const date = analyzeNumber('11.11.2017').term;
    expect(queryWord(date)).toBe('"11_11_2017"');
    expect(queryWordCount(date)).toBe(3);
    expect(queryWord(analyzeNumber('1,5').term)).toBe('"1_5"');
  });

  it('leaves plain numbers and words as they are', () => {
    expect(queryWord('2017')).toBe('2017');
    expect(queryWordCount('2017')).toBe(1);
    expect(queryWord('санкц')).toBe('санкц');
    expect(queryWordCount('санкц')).toBe(1);
  });
});
