import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from './analyzer.js';
import { configureAnalysisCaches, DEFAULT_CACHE_CAPACITIES } from './caches.js';
import { nameKey } from './names.js';

describe('configureAnalysisCaches', () => {
  afterAll(() => {
    configureAnalysisCaches(DEFAULT_CACHE_CAPACITIES);
  });

  it('changes no result, however small the caches', () => {
    const text = 'Путин встретился с Эрдоганом; the meetings of ministers went on.';
    const before = analyze(text);
    const key = nameKey('Зеленскому');
    configureAnalysisCaches({ words: 1, stems: 1, nameKeys: 1 });
    expect(analyze(text)).toEqual(before);
    expect(analyze(text)).toEqual(before);
    expect(nameKey('Зеленскому')).toBe(key);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => {
      configureAnalysisCaches({ words: 0 });
    }).toThrow(/words/);
    expect(() => {
      configureAnalysisCaches({ stems: 1.5 });
    }).toThrow(/stems/);
  });
});
