import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '@lib/text-analysis';
import { buildMeiliQuery } from './meili-query.builder.js';

const build = (query: string): ReturnType<typeof buildMeiliQuery> =>
  buildMeiliQuery(analyzeQuery(query));

describe('buildMeiliQuery', () => {
  it('writes stems, keeping the stop words of a query of four to ten words', () => {
    expect(build('SOUTH AFRICAN FOREIGN RESERVES UP SHARPLY')).toEqual({
      q: 'south african foreign reserv up sharpli',
      matchingStrategy: 'frequency',
      long: true,
      relaxed: null,
    });
  });

  it('drops the stop words of a short query, which would weigh as much as its content words', () => {
    expect(build('выборы в Германии')).toEqual({
      q: 'выбор герман',
      matchingStrategy: 'frequency',
      long: false,
      relaxed: null,
    });
    expect(build('the economy').q).toBe('economi');
  });

  it('drops loose stop words from a longer query so that its content words fit', () => {
    const { q } = build(
      'the minister of finance said on Monday that the budget for the next year would be cut',
    );
    expect(q).toBe('minist financ monday budget next year cut');
  });

  it('counts every word of a phrase when deciding whether stop words fit', () => {
    expect(build('"new york stock exchange" shares of the big bank fell sharply').q).toBe(
      '"new york stock exchang" share big bank fell sharpli',
    );
  });

  it('keeps a query made only of stop words', () => {
    expect(build('the of').q).toBe('the of');
  });

  it('gives up the most common words first, not the last ones', () => {
    // "прощание с Табаковым" with `last` found farewells to anyone but Tabakov.
    expect(build('прощание с Табаковым')).toMatchObject({
      q: 'прощан табаков',
      matchingStrategy: 'frequency',
    });
    expect(build('санкции против Ирана').matchingStrategy).toBe('frequency');
    expect(build('Табаков').matchingStrategy).toBe('last');
  });

  it('calls a query long from four words: titles and pasted passages', () => {
    expect(build('санкции против Ирана').long).toBe(false);
    expect(build('новые санкции против Ирана').long).toBe(true);
  });

  it('writes phrases in quotes and exclusions with a minus, each word once', () => {
    expect(build('"в Сирии" встреча встречи -Трамп').q).toBe('"в сир" встреч -трамп');
  });

  it('reads at most ten words', () => {
    const { q } = build('one two three four five six seven eight nine ten eleven twelve');
    expect(q.split(' ')).toHaveLength(10);
  });

  it('sends a number with separators as a phrase of its digit groups, each a word', () => {
    expect(build('курс 11.11.2017')).toEqual({
      q: 'курс "11_11_2017"',
      matchingStrategy: 'frequency',
      long: true,
      relaxed: null,
    });
    expect(build('рост 1,5 -2,5').q).toBe('рост "1_5" -"2_5"');
    expect(build('2017').q).toBe('2017');
  });

  describe('with term statistics', () => {
    const frequencies: Record<string, number> = { rare: 1, nowher: 0, oil: 500, price: 400 };
    const df = (term: string): number => frequencies[term] ?? 50;

    it('keeps the most informative words of a long query, in its order, none no article has', () => {
      const passage =
        'the oil price rose as traders in london and new york weighed a rare nowhere word ' +
        'against output data from several producing nations';
      const { q } = buildMeiliQuery(analyzeQuery(passage), df);
      expect(q.split(' ')).toHaveLength(10);
      expect(q).toContain('rare');
      expect(q).not.toContain('nowher');
      expect(q).not.toMatch(/\boil\b|\bprice\b/);
      expect(buildMeiliQuery(analyzeQuery(passage)).q).toMatch(/^oil price rose/);
    });

    it('offers the query without its rarest word, which Meilisearch never gives up', () => {
      expect(buildMeiliQuery(analyzeQuery('oil price rare talks'), df)).toEqual({
        q: 'oil price rare talk',
        matchingStrategy: 'frequency',
        long: true,
        relaxed: 'oil price talk',
      });
      expect(buildMeiliQuery(analyzeQuery('oil price rare talks -opec'), df).relaxed).toBe(
        'oil price talk -opec',
      );
      expect(buildMeiliQuery(analyzeQuery('oil price rare'), df).relaxed).toBe('oil price');
      expect(buildMeiliQuery(analyzeQuery('oil rare'), df).relaxed).toBeNull();
      // Two clauses, one a number of two digit groups: the number is not given up.
      expect(buildMeiliQuery(analyzeQuery('1,5 процента'), df).relaxed).toBeNull();
    });

    it('gives up every word tied for rarest, as Meilisearch may count either as its rarest', () => {
      const withUnique = (term: string): number => (term === 'uniqu' ? 1 : df(term));
      const query = analyzeQuery('oil price rare talks unique');
      expect(buildMeiliQuery(query, withUnique).relaxed).toBe('oil price talk');
    });

    it('offers no relaxed search for a query with one content word', () => {
      expect(buildMeiliQuery(analyzeQuery('the rare of the'), df).relaxed).toBeNull();
    });
  });

  it('is empty for an empty query', () => {
    expect(build('').q).toBe('');
  });
});
