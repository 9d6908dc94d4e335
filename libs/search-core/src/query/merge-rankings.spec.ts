import { describe, expect, it } from 'vitest';
import { mergeRankings, unionFacetCounts, type RankedHit } from './merge-rankings.js';

const hit = (key: string, score: number, date: string | null = null): RankedHit => ({
  key,
  _rankingScore: score,
  published_at: date,
});

describe('mergeRankings', () => {
  it('keeps the original order and inserts translated hits by weighted score', () => {
    const merged = mergeRankings(
      [hit('n1', 0.95), hit('n2', 0.6), hit('n3', 0.5)],
      [hit('t1', 0.9), hit('t2', 0.3)],
      0.9,
    );
    expect(merged.map((h) => h.key)).toEqual(['n1', 't1', 'n2', 'n3', 't2']);
  });

  it('ranks a native match of equal strength first', () => {
    const merged = mergeRankings([hit('n1', 0.8)], [hit('t1', 0.8)], 0.9);
    expect(merged.map((h) => h.key)).toEqual(['n1', 't1']);
  });

  it('never reorders the original ranking, even when its scores are not monotonic', () => {
    const merged = mergeRankings([hit('n1', 0.5), hit('n2', 0.7)], [hit('t1', 0.6)], 1);
    expect(merged.map((h) => h.key)).toEqual(['t1', 'n1', 'n2']);
  });

  it('keeps a document found by both queries once, where it comes first', () => {
    const merged = mergeRankings([hit('a', 0.5), hit('b', 0.4)], [hit('b', 0.99)], 0.9);
    expect(merged.map((h) => h.key)).toEqual(['b', 'a']);
    const later = mergeRankings([hit('a', 0.5), hit('b', 0.4)], [hit('b', 0.3)], 0.9);
    expect(later.map((h) => h.key)).toEqual(['a', 'b']);
  });

  it('gives the same first places whatever the limit', () => {
    // The best translated hit is also the 50th native one.
    const native = Array.from({ length: 100 }, (_, i) => hit(`n${i}`, 0.5 - i / 1000));
    const translated = [
      hit('n49', 0.99),
      ...Array.from({ length: 99 }, (_, i) => hit(`t${i}`, 0.4)),
    ];
    const top = (limit: number): string[] =>
      mergeRankings(native.slice(0, limit), translated.slice(0, limit), 0.9)
        .slice(0, 10)
        .map((h) => h.key);
    expect(top(10)).toEqual(top(100));
  });

  it('merges by date for date sorts', () => {
    const native = [hit('n1', 1, '2024-03-01'), hit('n2', 1, '2024-01-01')];
    const translated = [hit('t1', 0.1, '2024-02-01'), hit('t2', 0.1, null)];
    expect(mergeRankings(native, translated, 0.9, 'date_desc').map((h) => h.key)).toEqual([
      'n1',
      't1',
      'n2',
      't2',
    ]);
    expect(
      mergeRankings([...native].reverse(), translated, 0.9, 'date_asc').map((h) => h.key),
    ).toEqual(['n2', 't1', 'n1', 't2']);
  });
});

describe('unionFacetCounts', () => {
  it('takes the larger count per value, so a document found twice counts once', () => {
    expect(
      unionFacetCounts({ lang: { ru: 1, en: 2 }, source: { 'ria.ru': 1 } }, { lang: { ru: 1 } }),
    ).toEqual({ lang: { ru: 1, en: 2 }, source: { 'ria.ru': 1 } });
    expect(unionFacetCounts(undefined, { lang: { ru: 3 } })).toEqual({ lang: { ru: 3 } });
  });
});
