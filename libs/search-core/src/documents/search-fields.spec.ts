import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArticleDocument } from './article-document.js';
import { CROSS_LINGUAL_SEARCH_FIELDS, NATIVE_SEARCH_FIELDS } from './search-fields.js';

const settings = (
  JSON.parse(
    readFileSync(new URL('../../../../indexing/settings/articles.json', import.meta.url), 'utf8'),
  ) as { settings: { searchableAttributes: string[] } }
).settings;

describe('search fields', () => {
  it.each([
    ['native', NATIVE_SEARCH_FIELDS],
    ['cross-lingual', CROSS_LINGUAL_SEARCH_FIELDS],
  ])('the %s search reads searchable attributes, in their ranking order', (_name, fields) => {
    const ranks = fields.map((field) => settings.searchableAttributes.indexOf(field));
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('names fields of the stored document', () => {
    const document: Record<keyof ArticleDocument, true> = {
      key: true,
      id: true,
      lang: true,
      source: true,
      url: true,
      title: true,
      body: true,
      published_at: true,
      tags: true,
      summary: true,
      published_ts: true,
      title_terms: true,
      body_terms: true,
      title_cross: true,
      title_names: true,
      body_cross: true,
      name_keys: true,
      keywords: true,
      term_bag: true,
    };
    for (const field of [...NATIVE_SEARCH_FIELDS, ...CROSS_LINGUAL_SEARCH_FIELDS])
      expect(Object.keys(document)).toContain(field);
  });
});
