import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '@lib/ingest';
import { sendRaw } from './support/raw-http.js';
import {
  buildIndex,
  startSearchApi,
  uniqueIndex,
  type SearchApiHarness,
} from './support/search-api.harness.js';
import { readRecords, SAMPLES_DIR } from './support/samples.js';

const ERROR_SHAPE = {
  error: { code: expect.any(String) as string, message: expect.any(String) as string },
};

describe('HTTP edges of the search API', () => {
  let api: SearchApiHarness;
  let samples: ArticleRecord[];

  beforeAll(async () => {
    samples = await readRecords([SAMPLES_DIR]);
    const index = uniqueIndex('edges');
    await buildIndex(index, samples);
    api = await startSearchApi(index);
  });
  afterAll(async () => api.close());

  const server = () => api.app.getHttpServer();
  const firstId = () => samples[0]?.id ?? '';

  describe('methods', () => {
    it.each([
      ['delete', '/api/v1/search'],
      ['put', '/api/v1/search?q=x'],
      ['options', '/api/v1/search'],
    ] as const)('answers %s %s with 405 and Allow: GET, HEAD, POST', async (method, path) => {
      const response = await request(server())[method](path).expect(405);
      expect(response.headers.allow).toBe('GET, HEAD, POST');
      expect(response.body).toEqual({
        error: { code: 'method_not_allowed', message: expect.stringContaining('POST') as string },
      });
    });

    it.each([
      ['post', '/api/v1/documents/x'],
      ['patch', '/API/V1/Documents/x/'],
      ['post', '/documents/x'],
      ['post', '/health'],
      ['delete', '/ready'],
    ] as const)('answers %s %s with 405 and Allow: GET, HEAD', async (method, path) => {
      const response = await request(server())[method](path).expect(405);
      expect(response.headers.allow).toBe('GET, HEAD');
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.body).toEqual({
        error: { code: 'method_not_allowed', message: expect.stringContaining('GET') as string },
      });
    });

    it('keeps 404 JSON for unknown paths, whatever the method', async () => {
      for (const method of ['get', 'post', 'delete'] as const) {
        const response = await request(server())[method]('/api/v1/nothing-here').expect(404);
        expect(response.body).toMatchObject({ error: { code: 'not_found' } });
        expect(response.headers.allow).toBeUndefined();
      }
    });

    it('answers HEAD where GET is allowed, and a 404 from a route stays a 404', async () => {
      await request(server()).head('/api/v1/search?q=x').expect(200);
      await request(server()).head('/health').expect(200);
      const missing = await request(server()).get('/api/v1/documents/no-such-id').expect(404);
      expect(missing.body).toEqual({ error: { code: 'not_found', message: 'Document not found' } });
    });
  });

  describe('sizes', () => {
    it('answers a URL over 8 KB with 414 JSON', async () => {
      const response = await request(server())
        .get('/api/v1/search')
        .query({ q: 'a'.repeat(9000) })
        .expect(414);
      expect(response.body).toEqual({
        error: { code: 'url_too_long', message: 'The URL is longer than 8 KB' },
      });
    });

    it('answers a URL past Node’s 16 KB head limit with 414 JSON, in one piece or split', async () => {
      const head = `GET /api/v1/search?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`;
      for (const pieces of [[head], [head.slice(0, 5000), head.slice(5000)]]) {
        const response = await sendRaw(server(), pieces);
        expect(response.status).toBe(414);
        expect(response.headers['content-type']).toContain('application/json');
        expect(JSON.parse(response.body)).toEqual({
          error: { code: 'url_too_long', message: 'The URL is longer than 8 KB' },
        });
      }
    });

    it('answers headers past Node’s 16 KB limit with 431 JSON, in one piece or split', async () => {
      const head = `GET /api/v1/search?q=x HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'b '.repeat(10_000)}\r\n\r\n`;
      for (const pieces of [[head], [head.slice(0, 5000), head.slice(5000)]]) {
        const response = await sendRaw(server(), pieces);
        expect(response.status).toBe(431);
        expect(JSON.parse(response.body)).toEqual({
          error: { code: 'headers_too_large', message: 'The request head is larger than 16 KB' },
        });
      }
    });

    it('still answers other malformed requests with 400 JSON', async () => {
      const response = await sendRaw(server(), ['NOT A REQUEST\r\n\r\n']);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'bad_request' } });
    });
  });

  describe('parameters', () => {
    it.each([
      ['q=a&q=b', 'q was given more than once'],
      ['limit=1&limit=2', 'limit was given more than once'],
      [
        'q=x&lang=ru&lang=en&sort=date_asc&sort=date_desc',
        'lang was given more than once; sort was given more than once',
      ],
    ])('rejects %s with a 400 saying it was repeated', async (query, message) => {
      const response = await request(server()).get(`/api/v1/search?${query}`).expect(400);
      expect(response.body).toEqual({ error: { code: 'bad_request', message } });
    });

    it('rejects a date range whose end is before its start', async () => {
      const response = await request(server())
        .get('/api/v1/search')
        .query({ from: '2017-11-02', to: '2017-11-01' })
        .expect(400);
      expect(response.body).toEqual({
        error: {
          code: 'bad_request',
          message: expect.stringMatching(/^to must not be before from/) as string,
        },
      });
      // The same day at both ends is a one-day range.
      await request(server())
        .get('/api/v1/search')
        .query({ from: '2017-11-01', to: '2017-11-01' })
        .expect(200);
      await request(server())
        .get('/api/v1/search')
        .query({ from: '2017-11-01T12:00:00Z', to: '2017-11-01' })
        .expect(200);
    });
  });

  describe('documents', () => {
    it('serves an article’s public fields only', async () => {
      const response = await request(server())
        .get(`/api/v1/documents/${encodeURIComponent(firstId())}`)
        .expect(200);
      expect(Object.keys(response.body as object).sort()).toEqual([
        'body',
        'id',
        'lang',
        'published_at',
        'source',
        'summary',
        'tags',
        'title',
        'url',
      ]);
      const sample = samples[0]!;
      expect(response.body).toEqual({
        id: sample.id,
        lang: sample.lang,
        source: sample.source,
        url: sample.url,
        title: sample.title,
        body: sample.body,
        summary: sample.summary,
        tags: sample.tags,
        published_at: sample.published_at,
      });
    });

    it('answers an unknown document page with a 404 HTML page', async () => {
      const response = await request(server()).get('/documents/no-such-id').expect(404);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toMatch(/^<!doctype html>/);
      expect(response.text).toContain('Article not found');
      expect(response.text).toContain('href="/"');
    });

    it('answers errors of the JSON API as JSON', async () => {
      const response = await request(server()).get('/api/v1/documents/no-such-id').expect(404);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.body).toEqual(ERROR_SHAPE);
    });
  });
});
