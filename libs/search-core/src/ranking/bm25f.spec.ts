import { describe, expect, it } from 'vitest';
import { Bm25fScorer, scoredTerms } from './bm25f.js';
import { RANKING } from './ranking-parameters.js';
import { buildTermBag, encodeTermBag } from './term-bag.js';
import { TermStatisticsBuilder } from './term-statistics.js';

const parameters = { ...RANKING, k1: 1.2, titleWeight: 3, titleB: 0.5, bodyB: 0.75 };

function stored(title: string[], body: string[]): string {
  return encodeTermBag(
    buildTermBag({ title, body, titleLength: title.length, bodyLength: body.length }),
  );
}

describe('BM25F', () => {
  // Four articles: mean title length 2, mean body length 4.
  const builder = new TermStatisticsBuilder();
  for (const [title, body] of [
    [
      ['oil', 'price'],
      ['oil', 'price', 'opec', 'cut'],
    ],
    [
      ['war', 'news'],
      ['army', 'war', 'war', 'front'],
    ],
    [
      ['gas', 'deal'],
      ['gas', 'deal', 'oil', 'pipe'],
    ],
    [
      ['vote', 'poll'],
      ['vote', 'poll', 'count', 'seat'],
    ],
  ] as const)
    builder.add(buildTermBag({ title, body, titleLength: title.length, bodyLength: body.length }));
  const statistics = builder.build();

  it('orders query terms by IDF, each once', () => {
    const terms = scoredTerms(['oil', 'opec', 'oil'], statistics, parameters);
    expect(terms.map((t) => t.term)).toEqual(['opec', 'oil']);
    // df(opec) = 1 of 4: ln(1 + 3.5 / 1.5); df(oil) = 2: ln(1 + 2.5 / 2.5)
    expect(terms[0]?.idf).toBeCloseTo(Math.log(1 + 3.5 / 1.5));
    expect(terms[1]?.idf).toBeCloseTo(Math.log(2));
  });

  it('scores by hand: fields normalized by length, weighted, summed, saturated once', () => {
    const terms = scoredTerms(['oil', 'opec'], statistics, parameters);
    const scorer = new Bm25fScorer(terms, statistics, parameters);
    // Title of 2 terms (mean 2): norm 1. Body of 4 terms (mean 4): norm 1.
    // oil: 3 * 1 / 1 + 1 / 1 = 4 -> ln 2 * 4 / 5.2; opec: 0 + 1 = 1 -> idf * 1 / 2.2
    const oil = (Math.log(2) * 4) / 5.2;
    const opec = (Math.log(1 + 3.5 / 1.5) * 1) / 2.2;
    const result = scorer.score(stored(['oil', 'price'], ['oil', 'price', 'opec', 'cut']));
    expect(result.score).toBeCloseTo(oil + opec);
    expect(result.normalized).toBeCloseTo((oil + opec) / (Math.log(2) + Math.log(1 + 3.5 / 1.5)));
    expect(result.terms.map((t) => [t.term, t.title, t.body])).toEqual([
      ['opec', 0, 1],
      ['oil', 1, 1],
    ]);
  });

  it('counts a mention in a long body for less than in a short one', () => {
    const scorer = new Bm25fScorer(
      scoredTerms(['oil'], statistics, parameters),
      statistics,
      parameters,
    );
    // Body of 12 terms: norm 1 - 0.75 + 0.75 * 12 / 4 = 2.5; frequency 1 / 2.5 = 0.4.
    const long = scorer.score(stored(['x', 'y'], ['oil', ...Array<string>(11).fill('filler')]));
    expect(long.score).toBeCloseTo((Math.log(2) * 0.4) / 1.6);
    const short = scorer.score(stored(['x', 'y'], ['oil', 'a1', 'a2', 'a3']));
    expect(short.score).toBeGreaterThan(long.score);
  });

  it('gives an article without the terms nothing', () => {
    const scorer = new Bm25fScorer(
      scoredTerms(['oil'], statistics, parameters),
      statistics,
      parameters,
    );
    expect(scorer.score(stored(['war'], ['army'])).score).toBe(0);
    expect(scorer.score('').score).toBe(0);
  });
});
