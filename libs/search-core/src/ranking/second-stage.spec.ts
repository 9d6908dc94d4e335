import { describe, expect, it } from 'vitest';
import { Bm25fScorer, scoredTerms } from './bm25f.js';
import { RANKING } from './ranking-parameters.js';
import { rankCandidates, type Candidate } from './second-stage.js';
import { buildTermBag, encodeTermBag } from './term-bag.js';
import { TermStatisticsBuilder } from './term-statistics.js';

function bag(title: string[], body: string[]): string {
  return encodeTermBag(
    buildTermBag({ title, body, titleLength: title.length, bodyLength: body.length }),
  );
}

describe('rankCandidates', () => {
  const articles: Record<string, [string[], string[]]> = {
    passing: [
      ['market', 'day'],
      ['oil', 'share', 'bank', 'rate', 'bond', 'fund', 'trade', 'yen'],
    ],
    about: [
      ['oil', 'price'],
      ['oil', 'oil', 'price', 'opec', 'oil'],
    ],
    other: [['war'], ['army', 'front']],
    нефть: [['нефт'], ['нефт', 'oil', 'oil']],
  };
  const builder = new TermStatisticsBuilder();
  for (const [title, body] of Object.values(articles))
    builder.add(buildTermBag({ title, body, titleLength: title.length, bodyLength: body.length }));
  const statistics = builder.build();
  const candidate = (key: string, score: number): Candidate => ({
    key,
    _rankingScore: score,
    term_bag: bag(...articles[key]!),
  });
  const scorer = new Bm25fScorer(scoredTerms(['oil'], statistics), statistics);

  it('puts the article about the query before one that mentions it in passing', () => {
    const ranked = rankCandidates(
      { native: [candidate('passing', 0.9), candidate('about', 0.8)] },
      {
        native: scorer,
        translated: null,
        translatedWeight: 0.8,
      },
    );
    expect(ranked.map((r) => r.hit.key)).toEqual(['about', 'passing']);
    expect(ranked[0]?.explanation?.origin).toBe('native');
    expect(ranked[0]?.explanation?.terms[0]?.term).toBe('oil');
  });

  it('weighs translated hits down and keeps the better score of an article found twice', () => {
    const ranked = rankCandidates(
      {
        native: [candidate('about', 0.8)],
        translated: [candidate('нефть', 0.8), candidate('about', 0.8)],
      },
      { native: scorer, translated: scorer, translatedWeight: 0.5 },
    );
    expect(ranked.map((r) => [r.hit.key, r.explanation?.origin])).toEqual([
      ['about', 'native'],
      ['нефть', 'translated'],
    ]);
  });

  it('scores the relaxed search as native and leaves out its candidates past `depth`', () => {
    const ranked = rankCandidates(
      {
        native: [candidate('passing', 0.9)],
        relaxed: [candidate('other', 0.5), candidate('about', 0.4), candidate('нефть', 0.3)],
      },
      { native: scorer, translated: null, translatedWeight: 0.8 },
      { ...RANKING, depth: 2 },
    );
    expect(ranked.map((r) => [r.hit.key, r.explanation?.origin])).toEqual([
      ['about', 'native'],
      ['passing', 'native'],
      ['other', 'native'],
    ]);
  });

  it('ranks the first `depth` candidates whatever the limit, the rest in Meilisearch order', () => {
    const parameters = { ...RANKING, depth: 2 };
    const native = [
      candidate('passing', 0.9),
      candidate('about', 0.8),
      candidate('other', 0.3),
      { key: 'deep', _rankingScore: 0.2 },
    ];
    const ranked = rankCandidates(
      { native },
      { native: scorer, translated: null, translatedWeight: 0.8 },
      parameters,
    );
    expect(ranked.map((r) => r.hit.key)).toEqual(['about', 'passing', 'other', 'deep']);
    expect(ranked[2]?.explanation).toBeNull();
    const shorter = rankCandidates(
      { native: native.slice(0, 2) },
      { native: scorer, translated: null, translatedWeight: 0.8 },
      parameters,
    );
    expect(shorter.map((r) => r.hit.key)).toEqual(['about', 'passing']);
  });
});
