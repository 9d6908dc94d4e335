import { analyzeQuery } from '@lib/text-analysis';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCounterparts, loadLexicon, loadNamesLexicon, type Lexicon } from './lexicon.js';
import {
  crossLingualQuery,
  planTranslation,
  type CrossLingualResources,
} from './translate-query.js';

let lexicon: Lexicon;
let resources: CrossLingualResources;
beforeAll(() => {
  lexicon = loadLexicon();
  resources = { lexicon, counterparts: loadCounterparts(), names: loadNamesLexicon() };
});

function cross(query: string): ReturnType<typeof crossLingualQuery> {
  return crossLingualQuery(analyzeQuery(query), resources);
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
  it("searches the reader's own terms, and names by the key of their spelling there", () => {
    const query = cross('Putin Erdogan meeting');
    expect(query.target).toBe('ru');
    expect(query.text).toBe('patan ardagan meet');
    expect(query.nameKeys).toEqual(['patan', 'ardagan']);
    const russian = cross('встреча Путина и Эрдогана');
    expect(russian.target).toBe('en');
    expect(russian.nameKeys).toEqual(['patan', 'ardan']);
    // A name the lexicon does not know goes by its own key.
    expect(cross('Tillerson Khabarovsk').nameKeys).toEqual(['talarsan', 'khabaravsk']);
    // The best translation's key: English articles write Moscow, not Moskva.
    expect(cross('Москва').text).toBe('maskav');
  });

  it('never gives stop words counterparts, and carries a short name by its spelling there', () => {
    const query = cross('Joe Biden');
    // "Joe" is «Джо», not «и», «о» or «ее» (job, io, ie), nor the «Ёся» of the lexicon.
    expect(query.text).toBe('джо badan');
    expect(query.counterparts).toEqual([]);
    expect(query.translations).toEqual([
      { from: 'Joe', to: 'Джо' },
      { from: 'Biden', to: 'Байден' },
    ]);
  });

  it('carries a name by its key, never by the senses of a look-alike common word', () => {
    // «Путина» is the president, not "fishing season"; "Biden" is no form of "bide" (wait).
    expect(cross('Путина')).toMatchObject({ text: 'patan', counterparts: [] });
    expect(cross('Putin').text).toBe('patan');
    expect(cross('Biden')).toMatchObject({ text: 'badan', counterparts: [] });
    // Written in lower case, the common word is meant, and "biden" is only a name.
    expect(cross('путина').text).toBe('путин');
    expect(cross('biden').text).toBe('badan');
    expect(cross('bide').counterparts).toEqual(expect.arrayContaining(['ожида']));
  });

  it("ranks a name's spellings by the common-word lexicon", () => {
    // «Китай» is China before Cathay, «Сирия» Syria before Cyril.
    expect(cross('Китай').text).toBe('china');
    expect(cross('Сирия').text).toBe('syria');
  });

  it('needs every word of a short query, and searches nothing for one it cannot carry', () => {
    expect(cross('NATO summit')).toMatchObject({ text: 'nat summit', matchingStrategy: 'all' });
    // "AI" has no key and no spelling there: "chips" alone would find wood chips.
    expect(cross('AI chips').text).toBe('');
    const long = cross('Joe Biden Laments Failure Of Talks');
    expect(long.matchingStrategy).toBe('frequency');
  });

  it('searches a phrase with every word required', () => {
    expect(cross('"oil prices" rise sharply again').matchingStrategy).toBe('all');
  });

  it('carries exclusions: the word, its counterparts, and its name there', () => {
    const oil = cross('"oil prices" -Opec');
    expect(oil.text.split(' ')).toEqual(expect.arrayContaining(['-opec', '-опек', '-apak']));
    const putin = cross('Putin -Syria');
    expect(putin.text.split(' ')).toEqual(expect.arrayContaining(['patan', '-syria', '-сир']));
    const russian = cross('ФРГ поставки 2022 -Украина');
    expect(russian.text).toBe('frg поставк 2022 -украин -ukrain -akran');
    expect(russian.nameKeys).toEqual(['frg']);
  });

  it('keys acronyms and long names of two consonants the same in both scripts', () => {
    expect(cross('ОПЕК').text).toBe(cross('OPEC').text);
    expect(cross('ЮКОС').text).toBe('akas');
    expect(cross('Чечня').text).toBe('cacn');
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

  it('explains the senses searched, and nothing when nothing is translated', () => {
    expect(cross('meeting').translations).toEqual([{ from: 'meeting', to: 'встреча' }]);
    expect(cross('Tillerson').translations).toEqual([]);
    expect(cross('the of и в')).toMatchObject({ text: '', translations: [] });
  });

  it('reads at most 10 words of a long query', () => {
    const long = cross(
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen',
    );
    expect(long.text.split(' ').length).toBeLessThanOrEqual(10);
  });
});
