import { analyzeQuery } from '@lib/text-analysis';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Counterparts } from './counterparts.js';
import { loadCounterparts, loadLexicon, type Lexicon } from './lexicon.js';
import { crossLingualQuery, planTranslation } from './translate-query.js';

let lexicon: Lexicon;
let counterparts: Counterparts;
beforeAll(() => {
  lexicon = loadLexicon();
  counterparts = loadCounterparts();
});

function cross(query: string): ReturnType<typeof crossLingualQuery> {
  return crossLingualQuery(analyzeQuery(query), lexicon, counterparts);
}

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
    expect(cross('Putin Erdogan meeting').nameKeys).toEqual(['rdgn']);
    const russian = cross('встреча Путина и Эрдогана');
    expect(russian.nameKeys).toEqual(['ptn', 'rdgn']);
    expect(russian.target).toBe('en');
    expect(cross('Tillerson Khabarovsk').nameKeys).toEqual(['tlrsn', 'khbrvsk']);
  });

  it('never translates acronyms as words ("ВОЗ" is not a cart)', () => {
    const plan = planTranslation(analyzeQuery('ВОЗ предупредила'), lexicon);
    expect(plan.words.map((w) => w.from)).not.toContain('ВОЗ');
  });

  it('keeps numbers, skips exclusions and stop words, and has no target for a mixed query', () => {
    const plan = planTranslation(analyzeQuery('санкции Gazprom 2022 -нефть the'), lexicon);
    expect(cross('санкции Gazprom 2022 -нефть the').text.split(' ')).toContain('2022');
    expect(plan.words.map((w) => w.from)).toEqual(['санкции']);
    expect(plan.target).toBeNull();
  });

  it('plans nothing for a query of stop words only', () => {
    const plan = planTranslation(analyzeQuery('the of и в'), lexicon);
    expect(plan.words).toEqual([]);
    expect(cross('the of и в').text).toBe('');
  });
});

describe('crossLingualQuery', () => {
  it("searches the reader's own terms, names as cross-script keys", () => {
    const query = cross('Putin Erdogan meeting');
    expect(query.target).toBe('ru');
    // The first word is a sentence's capital, not a name's: it stays a term.
    expect(query.text).toBe('putin rdgn meet');
    expect(query.nameKeys).toEqual(['rdgn']);
  });

  it('keys acronyms even as the first word, keeps numbers and exclusions', () => {
    const query = cross('ФРГ поставки 2022 -Украина');
    expect(query.text).toBe('frg поставк 2022 -украин');
    expect(query.nameKeys).toEqual(['frg']);
    // NATO's key, "nt", is too short to mean a name: it stays a term.
    expect(cross('NATO summit').text).toBe('nato summit');
  });

  it('gives the counterparts of the query terms to mark in the other language', () => {
    expect(cross('meeting').counterparts).toEqual(expect.arrayContaining(['встреч']));
    expect(cross('санкции против Ирана').counterparts).toEqual(
      expect.arrayContaining(['sanction', 'against']),
    );
    expect(cross('prime minister').counterparts).toEqual(
      expect.arrayContaining(['премьер', 'министр']),
    );
  });

  it("explains each word with the lexicon's first translation", () => {
    expect(cross('meeting').translations).toEqual([{ from: 'meeting', to: 'встреча' }]);
  });

  it('reads at most 10 words of a long query', () => {
    const long = cross(
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen',
    );
    expect(long.text.split(' ').length).toBeLessThanOrEqual(10);
  });
});
