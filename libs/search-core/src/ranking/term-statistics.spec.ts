import { describe, expect, it } from 'vitest';
import { buildTermBag } from './term-bag.js';
import { termHash } from './term-hash.js';
import { TermStatisticsBuilder } from './term-statistics.js';

function article(title: string[], body: string[]) {
  return buildTermBag({ title, body, titleLength: title.length, bodyLength: body.length });
}

describe('term statistics', () => {
  const builder = new TermStatisticsBuilder();
  builder.add(article(['oil', 'price'], ['oil', 'oil', 'opec']));
  builder.add(article(['oil'], ['gas', 'price', 'price', 'x', 'y']));
  builder.add(article(['war'], ['army']));
  const statistics = builder.build();

  it('counts the articles that hold each term, once per article', () => {
    expect(statistics.documents).toBe(3);
    expect(statistics.documentFrequency(termHash('oil'))).toBe(2);
    expect(statistics.documentFrequency(termHash('price'))).toBe(2);
    expect(statistics.documentFrequency(termHash('opec'))).toBe(1);
    expect(statistics.documentFrequency(termHash('missing'))).toBe(0);
    expect(statistics.terms).toBe(8);
  });

  it('averages field lengths', () => {
    expect(statistics.meanTitleLength).toBeCloseTo(4 / 3);
    expect(statistics.meanBodyLength).toBeCloseTo(9 / 3);
  });

  it("gives BM25's IDF: rarer terms weigh more, none below zero", () => {
    // ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln(1.6)
    expect(statistics.idf(termHash('oil'))).toBeCloseTo(Math.log(1.6));
    // ln(1 + 2.5 / 1.5)
    expect(statistics.idf(termHash('opec'))).toBeCloseTo(Math.log(1 + 2.5 / 1.5));
    expect(statistics.idf(termHash('missing'))).toBeCloseTo(Math.log(1 + 3.5 / 0.5));
  });
});
