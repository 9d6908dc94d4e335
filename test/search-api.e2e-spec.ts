import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '@lib/ingest';
import {
  buildIndex,
  startSearchApi,
  uniqueIndex,
  type SearchApiHarness,
} from './support/search-api.harness.js';
import { readRecords, SAMPLES_DIR } from './support/samples.js';

interface Hit {
  id: string;
  title: string;
  url: string | null;
  link: string;
  lang: string;
  highlight: { title: string; snippet: string };
}

describe('search API on the sample corpus', () => {
  let api: SearchApiHarness;
  let samples: ArticleRecord[];

  beforeAll(async () => {
    samples = await readRecords([SAMPLES_DIR]);
    const index = uniqueIndex('api');
    await buildIndex(index, samples);
    api = await startSearchApi(index);
  });
  afterAll(async () => api.close());

  const search = (query: Record<string, string>) =>
    request(api.app.getHttpServer()).get('/api/v1/search').query(query);

  it('finds the Russian seed pages for "Путин" with ids, links and marked inflected forms', async () => {
    const response = await search({ q: 'Путин', translate: 'false' }).expect(200);
    const hits = response.body.hits as Hit[];
    const russianIds = samples
      .filter((s) => s.lang === 'ru')
      .map((s) => s.id)
      .sort();
    expect(hits.map((h) => h.id).sort()).toEqual(russianIds);
    for (const hit of hits) {
      expect(hit.link).toBe(hit.url ?? `/documents/${encodeURIComponent(hit.id)}`);
      expect(hit.highlight.snippet).toMatch(/<mark>Путин[а-я]*<\/mark>/);
    }
    expect(response.body).toMatchObject({ query: 'Путин', total: 4, limit: 10, offset: 0 });
    expect(response.body.facets.lang).toEqual({ ru: 4 });
  });

  it('adds the English page through the translated query, after the Russian ones', async () => {
    const response = await search({ q: 'Путин' }).expect(200);
    const hits = response.body.hits as Hit[];
    expect(hits.map((h) => h.lang)).toEqual(['ru', 'ru', 'ru', 'ru', 'en']);
    expect(hits[4]?.highlight.snippet).toContain('<mark>Putin</mark>');
    expect(response.body.facets.lang).toEqual({ ru: 4, en: 1 });
    expect(response.body.translation).toEqual({
      lang: 'en',
      words: [{ from: 'Путин', to: 'Putin' }],
      name_keys: ['patan'],
    });
  });

  it('matches word forms: "встреча" finds and marks "встречи"/"встрече"', async () => {
    const response = await search({ q: 'встреча' }).expect(200);
    expect(response.body.total).toBeGreaterThan(0);
    const snippets = (response.body.hits as Hit[]).map((h) => h.highlight.snippet).join(' ');
    expect(snippets).toMatch(/<mark>встреч[а-я]+<\/mark>/i);
  });

  it('finds the English page for "meetings" and marks "meeting"', async () => {
    const response = await search({ q: 'meetings', lang: 'en' }).expect(200);
    const hits = response.body.hits as Hit[];
    expect(hits).toHaveLength(1);
    expect(hits[0]?.title).toContain('APEC summit');
    expect(hits[0]?.highlight.snippet).toContain('<mark>meeting</mark>');
  });

  it('answers a raw UTF-8 URL as curl sends it', async () => {
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          Buffer.from('GET /api/v1/search?q=Путин&limit=1 HTTP/1.1\r\nHost: localhost\r\n\r\n'),
        );
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      socket.on('end', () => {
        resolve(text);
      });
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(raw).toContain('"query":"Путин"');
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ offset: '10001' }, 'offset'],
    [{ lang: 'de' }, 'lang'],
    [{ sort: 'random' }, 'sort'],
    [{ from: 'yesterday' }, 'from'],
    [{ q: 'x'.repeat(4001) }, 'q'],
    [{ unknown: '1' }, 'unknown'],
  ])('rejects %o with a 400 naming the parameter', async (query, name) => {
    const response = await search(query).expect(400);
    expect(response.body.error.code).toBe('bad_request');
    expect(response.body.error.message).toContain(name);
  });

  it('serves stored documents and a 404 JSON for unknown ids', async () => {
    const first = samples[0];
    if (first === undefined) throw new Error('no samples');
    const document = await request(api.app.getHttpServer())
      .get(`/api/v1/documents/${encodeURIComponent(first.id)}`)
      .expect(200);
    expect(document.body).toMatchObject({ id: first.id, title: first.title });
    const missing = await request(api.app.getHttpServer())
      .get('/api/v1/documents/no-such-id')
      .expect(404);
    expect(missing.body).toEqual({ error: { code: 'not_found', message: 'Document not found' } });
    const page = await request(api.app.getHttpServer())
      .get(`/documents/${encodeURIComponent(first.id)}`)
      .expect(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('reports health and readiness from the real server', async () => {
    await request(api.app.getHttpServer()).get('/health').expect(200, { status: 'ok' });
    const ready = await request(api.app.getHttpServer()).get('/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ready', documents: samples.length });
  });

  it('serves the web page with security headers and a request id', async () => {
    const page = await request(api.app.getHttpServer()).get('/').expect(200);
    expect(page.text).toContain('<input id="q"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-request-id']).toMatch(/.+/);
  });
});

describe('search API without its index', () => {
  it('is not ready and answers searches with 503', async () => {
    const api = await startSearchApi(uniqueIndex('missing'));
    try {
      const ready = await request(api.app.getHttpServer()).get('/ready').expect(503);
      expect(ready.body.error.code).toBe('search_unavailable');
      const search = await request(api.app.getHttpServer())
        .get('/api/v1/search')
        .query({ q: 'x' })
        .expect(503);
      expect(search.body.error.code).toBe('search_unavailable');
    } finally {
      await api.close();
    }
  });
});
