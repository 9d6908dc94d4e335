import { analyzeQuery } from '@lib/text-analysis';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { candidateTerms, planTranslation, translateWith } from './translate-query.js';

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = loadLexicon();
});

function candidates(query: string): string[] {
  return planTranslation(analyzeQuery(query), lexicon).words.flatMap((w) =>
    w.candidates.map((c) => c.translation),
  );
}

describe('query words in the other language (golden cases)', () => {
  it.each([
    ['meeting', 'встреча'],
    ['meetings', 'встреча'],
    ['sanctions', 'санкция'],
    ['prime minister', 'премьер'],
    ['summit', 'саммит'],
    ['oil', 'нефть'],
    ['war', 'война'],
    ['election', 'выборы'],
    ['president', 'президент'],
    ['government', 'правительство'],
    ['army', 'армия'],
    ['economy', 'экономика'],
    ['gas', 'газ'],
    ['court', 'суд'],
    ['police', 'полиция'],
    ['border', 'граница'],
    ['vaccine', 'вакцина'],
    ['weapons', 'оружие'],
    ['hurricane', 'ураган'],
    ['dementia', 'деменция'],
    ['встреча', 'meeting'],
    ['встречи', 'meeting'],
    ['санкции', 'sanction'],
    ['против', 'against'],
    ['нефть', 'oil'],
    ['войны', 'war'],
    ['выборы', 'election'],
    ['президента', 'president'],
    ['правительство', 'government'],
    ['армии', 'army'],
    ['газ', 'gas'],
    ['суд', 'court'],
    ['полиция', 'police'],
    ['границе', 'border'],
    ['премьер-министр', 'premier'],
    ['Ирана', 'iran'],
  ])('%s -> %s', (query, expected) => {
    expect(candidates(query)).toContain(expected);
  });
});

describe('planTranslation', () => {
  it('tries two-word phrases before single words', () => {
    const plan = planTranslation(analyzeQuery('prime minister of India'), lexicon);
    expect(plan.words[0]?.from).toBe('prime minister');
    expect(plan.target).toBe('ru');
  });

  it('keys capitalized names, past the first word or missing from the lexicon', () => {
    const plan = planTranslation(analyzeQuery('Putin Erdogan meeting'), lexicon);
    expect(plan.nameKeys).toEqual(expect.arrayContaining(['rdgn']));
    const russian = planTranslation(analyzeQuery('встреча Путина и Эрдогана'), lexicon);
    expect(russian.nameKeys).toEqual(expect.arrayContaining(['ptn', 'rdgn']));
    expect(russian.target).toBe('en');
  });

  it('never translates acronyms as words ("ВОЗ" is not a cart)', () => {
    const plan = planTranslation(analyzeQuery('ВОЗ предупредила'), lexicon);
    expect(plan.words.map((w) => w.from)).not.toContain('ВОЗ');
  });

  it('keeps numbers, skips exclusions and stop words, and has no target for a mixed query', () => {
    const plan = planTranslation(analyzeQuery('санкции Gazprom 2022 -нефть the'), lexicon);
    expect(plan.numbers).toEqual(['2022']);
    expect(plan.words.map((w) => w.from)).toEqual(['санкции']);
    expect(plan.target).toBeNull();
  });

  it('plans nothing for a query of stop words only', () => {
    const plan = planTranslation(analyzeQuery('the of и в'), lexicon);
    expect(plan.words).toEqual([]);
    expect(candidateTerms(plan)).toEqual([]);
  });
});

describe('translateWith', () => {
  it('chooses the translation most used in the target language, dropping unused ones', () => {
    const plan = planTranslation(analyzeQuery('meeting'), lexicon);
    const counts = new Map([
      ['встреч', 120],
      ['собран', 30],
    ]);
    const translated = translateWith(plan, (term) => counts.get(term) ?? 0);
    expect(translated.translations).toEqual([{ from: 'meeting', to: 'встреча' }]);
    expect(translated.text).toBe('встреч');
    expect(translateWith(plan, () => 0).translations).toEqual([]);
  });

  it('puts translated terms, then name keys, then numbers in at most 10 words', () => {
    const plan = planTranslation(analyzeQuery('sanctions Trump Iran 2018'), lexicon);
    const translated = translateWith(plan, () => 1);
    const words = translated.text.split(' ');
    expect(words.length).toBeLessThanOrEqual(10);
    expect(words).toContain('trmp');
    expect(words).toContain('2018');
    expect(words.indexOf('2018')).toBeGreaterThan(words.indexOf('trmp'));
  });
});
