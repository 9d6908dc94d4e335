import { describe, expect, it } from 'vitest';
import { analyzeQuery, positiveTerms, withNameForms, type AnalyzedQuery } from './query.js';

/** A compact view of a parsed query: -neg, "phrase", plain terms. */
function shape(query: AnalyzedQuery): string[] {
  return query.clauses.map((c) => {
    const text = c.tokens.map((t) => t.term).join(' ');
    return `${c.negated ? '-' : ''}${c.phrase ? `"${text}"` : text}`;
  });
}

describe('analyzeQuery', () => {
  it.each([
    ['words in any form', 'встречи Путина', ['встреч', 'путин']],
    ['a quoted phrase', '"в Сирии" санкции', ['"в сир"', 'санкц']],
    ['guillemets quote a phrase', '«Белый дом»', ['"бел дом"']],
    ['„low-high“ quotes', '„Белый дом“', ['"бел дом"']],
    ['an excluded word', 'путин -трамп', ['путин', '-трамп']],
    ['an excluded phrase', 'Кремль -"Белый дом"', ['кремл', '-"бел дом"']],
    ['a hyphen inside a word is no exclusion', 'северо-запад', ['"север запад"']],
    ['an unclosed quote is plain text', '"в Сирии', ['в', 'сир']],
    ['mixed scripts', 'санкции Gazprom', ['санкц', 'gazprom']],
    ['an English phrase with a stop word', '"Secretary of State"', ['"secretari of state"']],
    ['only punctuation', '?!', []],
    ['empty', '', []],
  ])('%s: %s', (_case, query, expected) => {
    expect(shape(analyzeQuery(query))).toEqual(expected);
  });

  it('keeps offsets into the original query', () => {
    const query = 'санкции "в Сирии"';
    for (const clause of analyzeQuery(query).clauses) {
      for (const token of clause.tokens)
        expect(query.slice(token.start, token.end)).toBe(token.surface);
    }
  });
});

describe('positiveTerms', () => {
  it('marks content words and phrase words, not exclusions or loose stop words', () => {
    expect([...positiveTerms(analyzeQuery('встреча в Кремле -Трамп "в Сирии"'))].sort()).toEqual([
      'в',
      'встреч',
      'кремл',
      'сир',
    ]);
    expect([...positiveTerms(analyzeQuery('meeting in Moscow'))].sort()).toEqual([
      'meet',
      'moscow',
    ]);
  });
});

describe('withNameForms', () => {
  const frequencies: Record<string, number> = { лавров: 900, лавр: 12, доллар: 5000, долларов: 3 };
  const df = (term: string): number => frequencies[term] ?? 0;

  it('reads a lower-case word in -ов as a name where more articles hold the name', () => {
    expect(shape(withNameForms(analyzeQuery('лавров заявил'), df))).toEqual(['лавров', 'заяв']);
  });

  it('keeps the stem where more articles hold it, and capitalized words as they are', () => {
    expect(shape(withNameForms(analyzeQuery('миллион долларов'), df))).toEqual([
      'миллион',
      'доллар',
    ]);
    expect(shape(withNameForms(analyzeQuery('Лавров'), () => 0))).toEqual(['лавров']);
  });
});
