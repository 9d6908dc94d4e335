import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '@lib/ingest';
import {
  buildIndex,
  startSearchApi,
  uniqueIndex,
  type SearchApiHarness,
} from './support/search-api.harness.js';
import { article, readRecords, SAMPLES_DIR } from './support/samples.js';

interface Hit {
  id: string;
  title: string;
  lang: string;
  highlight: { title: string; snippet: string };
}

interface Body {
  total: number;
  hits: Hit[];
  translation: {
    lang: string | null;
    words: Array<{ from: string; to: string }>;
    name_keys: string[];
  } | null;
}

/** Names the lexicon does not know, in the other script than the query. */
const NAME_ARTICLES = [
  article({
    id: 'names-ru-1',
    lang: 'ru',
    title: 'Тиллерсон прибыл в Хабаровск',
    body: 'Госсекретарь США Рекс Тиллерсон прибыл в Хабаровск на переговоры.',
  }),
  article({
    id: 'names-en-1',
    title: 'Zelenskiy addresses parliament',
    body: 'President Volodymyr Zelenskiy addressed parliament on Tuesday.',
  }),
];

describe('cross-lingual search', () => {
  let api: SearchApiHarness;
  let samples: ArticleRecord[];
  const idOf = (title: RegExp): string => {
    const found = samples.find((s) => title.test(s.title));
    if (found === undefined) throw new Error(`no seed page titled ${String(title)}`);
    return found.id;
  };

  beforeAll(async () => {
    samples = await readRecords([SAMPLES_DIR]);
    const index = uniqueIndex('xl');
    await buildIndex(index, [...samples, ...NAME_ARTICLES]);
    api = await startSearchApi(index);
  });
  afterAll(async () => api.close());

  const search = async (query: Record<string, string>): Promise<Body> =>
    (await request(api.app.getHttpServer()).get('/api/v1/search').query(query).expect(200))
      .body as Body;

  it('finds the Russian seed page for an English query through translated words', async () => {
    const body = await search({ q: 'Kremlin meeting Kerry' });
    const target = idOf(/итогах встречи Путина и Керри/);
    const hit = body.hits.find((h) => h.id === target);
    expect(hit?.lang).toBe('ru');
    expect(body.translation?.lang).toBe('ru');
    expect(body.translation?.words).toEqual(
      expect.arrayContaining([
        { from: 'Kremlin', to: 'Кремль' },
        { from: 'meeting', to: 'встреча / собрание' },
      ]),
    );
    expect(hit?.highlight.title).toContain('<mark>Кремль</mark>');
    expect(hit?.highlight.title).toContain('<mark>встречи</mark>');
  });

  it('finds the English seed page for a Russian query, marking the English words', async () => {
    const body = await search({ q: 'саммит во Вьетнаме, заявление по Сирии' });
    const target = idOf(/^APEC summit/);
    const hit = body.hits.find((h) => h.id === target);
    expect(hit?.lang).toBe('en');
    expect(body.translation?.lang).toBe('en');
    expect(hit?.highlight.title).toContain('<mark>summit</mark>');
    expect(hit?.highlight.title).toContain('<mark>statement</mark>');
  });

  it('ranks a native match of equal strength above the translated one', async () => {
    const body = await search({ q: 'Putin Trump Syria statement' });
    expect(body.hits[0]?.lang).toBe('en');
    expect(body.hits.some((h) => h.lang === 'ru')).toBe(true);
  });

  it('matches names across scripts by their keys, both ways', async () => {
    const english = await search({ q: 'Tillerson Khabarovsk' });
    expect(english.hits.map((h) => h.id)).toContain('names-ru-1');
    expect(english.translation?.name_keys).toEqual(
      expect.arrayContaining(['talarsan', 'khabaravsk']),
    );
    const russian = await search({ q: 'Зеленский парламент' });
    expect(russian.hits.map((h) => h.id)).toContain('names-en-1');
  });

  it('pages through the merged ranking without gaps or repeats', async () => {
    const all = await search({ q: 'Путин Трамп', limit: '10' });
    expect(all.hits.some((h) => h.lang === 'en')).toBe(true);
    const paged: string[] = [];
    for (let offset = 0; offset < all.hits.length; offset += 2) {
      const page = await search({ q: 'Путин Трамп', limit: '2', offset: String(offset) });
      paged.push(...page.hits.map((h) => h.id));
    }
    expect(paged).toEqual(all.hits.map((h) => h.id));
  });

  it('merges by date for a date sort', async () => {
    const body = await search({ q: 'Путин', sort: 'date_desc' });
    expect(body.hits.some((h) => h.lang === 'en')).toBe(true);
    const dated = body.hits.map((h) => (h as Hit & { published_at: string | null }).published_at);
    const known = dated.filter((d): d is string => d !== null);
    expect(known).toEqual([...known].sort().reverse());
  });

  it('searches one language only with translate=false, and says so', async () => {
    const body = await search({ q: 'Kremlin meeting Kerry', translate: 'false' });
    expect(body.hits.every((h) => h.lang === 'en')).toBe(true);
    expect(body.translation).toBeNull();
  });

  it('searches a mixed query in both languages with no language filter on the translation', async () => {
    const body = await search({ q: 'Путин Trump' });
    expect(body.translation?.lang).toBeNull();
    expect(body.total).toBeGreaterThan(0);
  });

  it('leaves the translation out when the language filter excludes its language', async () => {
    const body = await search({ q: 'Kremlin meeting', lang: 'en' });
    expect(body.translation).toBeNull();
    expect(body.hits.every((h) => h.lang === 'en')).toBe(true);
  });

  it('refuses a translate value that is not a boolean', async () => {
    const response = await request(api.app.getHttpServer())
      .get('/api/v1/search')
      .query({ q: 'oil', translate: 'maybe' })
      .expect(400);
    expect(response.body.error.message).toContain('translate');
  });
});
