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
  it("searches the reader's own terms, names the lexicon lacks by their key", () => {
    const query = cross('Putin Erdogan meeting');
    expect(query.target).toBe('ru');
    // Articles there store the name tokens of their names: «Путин» holds `nmputin`.
    expect(query.text).toBe('nmputin nmerdogan meet');
    expect(query.nameKeys).toEqual(['patan', 'ardan']);
    const russian = cross('встреча Путина и Эрдогана');
    expect(russian.target).toBe('en');
    expect(russian.text).toBe('встреч nmputin nmerdogan');
    // A name the lexicon does not know goes by its own key.
    expect(cross('Tillerson Khabarovsk').text).toBe('talarsan nmkhabarovsk');
    // The key of the best spelling marks it: English articles write Moscow, not Moskva.
    expect(cross('Москва')).toMatchObject({ text: 'nmmoskva', nameKeys: ['maskav'] });
    expect(cross('Москва').translations).toEqual([{ from: 'Москва', to: 'Moscow' }]);
  });

  it('never gives stop words counterparts, and explains a name by its spelling there', () => {
    const query = cross('Joe Biden');
    expect(query.text).toBe('nmjoe nmbiden');
    // "Joe" is «Джо», not «и», «о» or «ее» (job, io, ie), nor the «Ёся» of the lexicon.
    expect(query.counterparts).toEqual(['джо', 'байд']);
    expect(query.translations).toEqual([
      { from: 'Joe', to: 'Джо' },
      { from: 'Biden', to: 'Байден' },
    ]);
  });

  it('carries a name as a name, never by the senses of a look-alike common word', () => {
    // «Путина» is the president, not "fishing season"; "Biden" is no form of "bide" (wait).
    expect(cross('Путина')).toMatchObject({ text: 'nmputin', counterparts: ['putin'] });
    expect(cross('Biden')).toMatchObject({ text: 'nmbiden', counterparts: ['байд'] });
    // Written in lower case, the common word is meant, and "biden" is only a name.
    expect(cross('путина').counterparts).toEqual(expect.arrayContaining(['fish', 'season']));
    expect(cross('biden').counterparts).toEqual(['байд']);
    expect(cross('bide').counterparts).toEqual(expect.arrayContaining(['ожида']));
  });

  it("ranks a name's spellings by the common-word lexicon", () => {
    // «Китай» is China before Cathay, «Сирия» Syria before Cyril.
    expect(cross('Китай').translations).toEqual([{ from: 'Китай', to: 'China' }]);
    expect(cross('Сирия').translations).toEqual([{ from: 'Сирия', to: 'Syria' }]);
  });

  it('needs every word of a short query, and searches nothing for one it cannot carry', () => {
    expect(cross('NATO summit')).toMatchObject({ text: 'nmnato summit', matchingStrategy: 'all' });
    // "AI" has no key and no spelling there: "chips" alone would find wood chips.
    expect(cross('AI chips').text).toBe('');
    expect(cross('Joe Biden Laments Failure Of Talks').matchingStrategy).toBe('frequency');
  });

  it('leaves out words that have no counterpart, which would match nothing there', () => {
    // «спешат» has no counterpart: sent, as the rarest word it left the whole title no hit.
    const title = cross('Компании в режиме повышенной готовности, пока специалисты спешат');
    expect(title.text.split(' ')).not.toContain('спешат');
    expect(title.text.split(' ')).toContain('специалист');
    expect(title.matchingStrategy).toBe('frequency');
  });

  it('keeps an acronym or number in the script there as it is', () => {
    expect(cross('G7 предупредила Россию')).toMatchObject({
      target: 'en',
      matchingStrategy: 'all',
    });
    expect(cross('G7 предупредила Россию').text.split(' ')).toContain('g7');
  });

  it('needs every word of a short phrase, but not of a long query with quoted words', () => {
    expect(cross('"oil prices"').matchingStrategy).toBe('all');
    // A title quoting a word ("омикрон") is still a title: its translation lacks some words.
    expect(cross('"oil prices" rise sharply again').matchingStrategy).toBe('frequency');
  });

  it('carries exclusions: the word, its counterparts, and its name there', () => {
    const oil = cross('"oil prices" -Opec');
    expect(oil.text.split(' ')).toEqual(expect.arrayContaining(['-opec', '-опек', '-nmopec']));
    // OPEC's key is APEC's: a name the lexicon spells is excluded by its spellings only.
    expect(oil.text.split(' ')).not.toContain('-apak');
    const putin = cross('Putin -Syria');
    expect(putin.text.split(' ')).toEqual(
      expect.arrayContaining(['nmputin', '-syria', '-сир', '-nmsyria']),
    );
    expect(putin.exclusions).toEqual(['-syria', '-сир', '-nmsyria']);
    const russian = cross('ФРГ поставки 2022 -Украина');
    expect(russian.text).toBe('frg поставк 2022 -украин -ukrain -nmukraina');
    expect(russian.nameKeys).toEqual(['frg']);
  });

  it('keys acronyms and long names of two consonants the same in both scripts', () => {
    expect(cross('ОПЕК').nameKeys).toEqual(cross('OPEC').nameKeys);
    expect(cross('ЮКОС').text).toBe(cross('Yukos').text);
    expect(cross('Чечня').nameKeys).toEqual(['cacn']);
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
    expect(cross('meeting').translations).toEqual([{ from: 'meeting', to: 'встреча / собрание' }]);
    // A phrase of the lexicon is explained as one.
    expect(cross('fishing season').translations).toEqual([
      { from: 'fishing season', to: 'путина' },
    ]);
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
