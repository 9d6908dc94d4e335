import { describe, expect, it } from 'vitest';
import { settingsMismatches } from './settings-check.js';

describe('settingsMismatches', () => {
  const intended = {
    searchableAttributes: ['title_terms', 'body_terms'],
    sortableAttributes: ['published_ts', 'lang'],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5 } },
  };

  it('accepts the settings as Meilisearch reports them, defaults filled in', () => {
    expect(
      settingsMismatches(intended, {
        searchableAttributes: ['title_terms', 'body_terms'],
        sortableAttributes: ['lang', 'published_ts'],
        typoTolerance: {
          enabled: true,
          minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
          disableOnWords: [],
        },
        rankingRules: ['words'],
      }),
    ).toEqual([]);
  });

  it('names every setting that is not in force', () => {
    expect(
      settingsMismatches(intended, {
        searchableAttributes: ['*'],
        sortableAttributes: ['published_ts'],
        typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 3 } },
      }),
    ).toEqual(['searchableAttributes', 'sortableAttributes', 'typoTolerance']);
  });

  it('counts the order of searchable attributes', () => {
    expect(
      settingsMismatches(intended, {
        ...intended,
        searchableAttributes: ['body_terms', 'title_terms'],
      }),
    ).toEqual(['searchableAttributes']);
  });
});
