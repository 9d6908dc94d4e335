import { describe, expect, it } from 'vitest';
import { meiliFilter, meiliSearchParams, meiliSort } from './article-filter.js';

describe('meiliFilter', () => {
  it('writes each field set as one expression, quoting and escaping strings', () => {
    expect(
      meiliFilter({ lang: 'ru', source: 'say "hi" \\ bye', fromSeconds: 10, toSeconds: 20 }),
    ).toEqual([
      'lang = "ru"',
      'source = "say \\"hi\\" \\\\ bye"',
      'published_ts >= 10',
      'published_ts <= 20',
    ]);
    expect(meiliFilter({})).toEqual([]);
    expect(meiliFilter()).toEqual([]);
  });
});

describe('meiliSearchParams', () => {
  it('turns the date orders into Meilisearch sorts and leaves relevance unsorted', () => {
    expect(meiliSort('date_desc')).toEqual(['published_ts:desc']);
    expect(meiliSort('date_asc')).toEqual(['published_ts:asc']);
    expect(meiliSort(undefined)).toBeUndefined();
    expect(meiliSearchParams({ limit: 5, filter: { lang: 'en' } })).toEqual({
      limit: 5,
      filter: ['lang = "en"'],
    });
    expect(meiliSearchParams({ sort: 'date_asc' }).sort).toEqual(['published_ts:asc']);
  });
});
