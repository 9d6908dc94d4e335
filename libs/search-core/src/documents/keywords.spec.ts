import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '@lib/text-analysis';
import { KEYWORDS_PER_ARTICLE, keywordTerms } from './keywords.js';

const keywordsOf = (text: string): string[] => keywordTerms(analyzeTerms(text));

describe('keywordTerms', () => {
  it('keeps repeated content terms, most frequent first, any word form counting', () => {
    const text =
      'Санкции против Ирана. Новые санкции ЕС и санкций США затронули Иран, заявил министр. ' +
      'Министр добавил, что Иран ответит.';
    expect(keywordsOf(text)).toEqual(['санкц', 'ира', 'министр']);
  });

  it('breaks ties by first occurrence', () => {
    expect(keywordsOf('budget talks; budget cuts; talks resume')).toEqual(['budget', 'talk']);
  });

  it('leaves out stop words, numbers, short terms and words said once', () => {
    expect(
      keywordsOf('It was 2017 and it was 2017 again: the US and the EU met. Once, twice.'),
    ).toEqual([]);
  });

  it(`keeps at most ${String(KEYWORDS_PER_ARTICLE)}`, () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${'abcdefghijklmnopqrst'[i] ?? ''}`);
    expect(keywordsOf([...words, ...words].join(' '))).toHaveLength(KEYWORDS_PER_ARTICLE);
  });
});
