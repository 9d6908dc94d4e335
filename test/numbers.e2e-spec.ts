import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildIndex,
  startSearchApi,
  uniqueIndex,
  type SearchApiHarness,
} from './support/search-api.harness.js';
import { article } from './support/samples.js';

interface Body {
  hits: Array<{ id: string; highlight: { snippet: string } }>;
}

/** Numbers with separators: Meilisearch indexes their digit groups; queries keep them together. */
const ARTICLES = [
  article({
    id: 'rate',
    lang: 'ru',
    title: 'Курс рубля',
    body: 'Инфляция составила 1,5 процента, сообщили 11.11.2017 в ведомстве.',
  }),
  article({
    id: 'scattered',
    lang: 'ru',
    title: 'Итоги конкурса',
    body: 'Из 5 кандидатов прошёл 1, а процента голосов 15; итоги подвели 2017 11 11.',
  }),
];

describe('numbers in queries', () => {
  let api: SearchApiHarness;

  beforeAll(async () => {
    const index = uniqueIndex('num');
    await buildIndex(index, ARTICLES);
    api = await startSearchApi(index);
  });
  afterAll(async () => api.close());

  const search = async (q: string): Promise<Body> => {
    const response = await request(api.app.getHttpServer())
      .get('/api/v1/search')
      .query({ q, translate: 'false' })
      .expect(200);
    return response.body as Body;
  };

  it('finds a decimal only where its digits stand together, and marks it', async () => {
    const body = await search('1,5 процента');
    expect(body.hits.map((hit) => hit.id)).toEqual(['rate']);
    expect(body.hits[0]?.highlight.snippet).toContain('<mark>1,5</mark>');
  });

  it('finds a date written the same way, not its parts in another order', async () => {
    expect((await search('11.11.2017')).hits.map((hit) => hit.id)).toEqual(['rate']);
  });

  it('excludes a number as a whole', async () => {
    expect((await search('процента -1,5')).hits.map((hit) => hit.id)).toEqual(['scattered']);
  });
});
