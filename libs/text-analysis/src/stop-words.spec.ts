import { describe, expect, it } from 'vitest';
import { isStopWord, STOP_WORDS } from './stop-words.js';

describe('stop words', () => {
  it('come from the Snowball lists, folded like analyzed words', () => {
    expect(STOP_WORDS.ru.size).toBeGreaterThan(100);
    expect(STOP_WORDS.en.size).toBeGreaterThan(100);
    for (const word of STOP_WORDS.ru) expect(word).toBe(word.toLowerCase().replace(/ё/g, 'е'));
  });

  it.each([
    ['в', 'cyrillic', true],
    ['еще', 'cyrillic', true],
    ['россия', 'cyrillic', false],
    ['the', 'latin', true],
    ['state', 'latin', false],
    ['new', 'latin', false],
    ['the', 'cyrillic', false],
    ['в', 'latin', false],
  ] as const)('%s (%s) -> %s', (word, script, expected) => {
    expect(isStopWord(word, script)).toBe(expected);
  });
});
