import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IndexBuilder,
  loadIndexSettings,
  LocalMeilisearchServer,
  MeiliRepository,
} from '@lib/search-core';
import {
  buildIndex,
  startSearchApi,
  uniqueIndex,
  type SearchApiHarness,
} from './support/search-api.harness.js';
import { sendRaw } from './support/raw-http.js';
import { readRecords, SAMPLES_DIR, SETTINGS_PATH } from './support/samples.js';

describe('API keys, rate limits, CORS and the OpenAPI document', () => {
  let index: string;
  beforeAll(async () => {
    index = uniqueIndex('limits');
    await buildIndex(index, await readRecords([SAMPLES_DIR]));
  });

  async function withApi(
    env: Record<string, string>,
    run: (api: SearchApiHarness) => Promise<void>,
  ): Promise<void> {
    const api = await startSearchApi(index, env);
    try {
      await run(api);
    } finally {
      await api.close();
    }
  }

  it('requires a valid API key on /api/v1 when keys are configured', async () => {
    await withApi({ API_KEYS: 'first-key,second-key' }, async (api) => {
      const server = api.app.getHttpServer();
      const missing = await request(server).get('/api/v1/search').query({ q: 'Путин' }).expect(401);
      expect(missing.body.error.code).toBe('unauthorized');
      await request(server)
        .get('/api/v1/search')
        .query({ q: 'Путин' })
        .set('X-API-Key', 'wrong')
        .expect(401);
      await request(server)
        .get('/api/v1/search')
        .query({ q: 'Путин' })
        .set('X-API-Key', 'second-key')
        .expect(200);
      await request(server)
        .get('/api/v1/search')
        .query({ q: 'Путин' })
        .set('Authorization', 'Bearer first-key')
        .expect(200);
      await request(server).get('/health').expect(200);
    });
  });

  it('requires the key on API routes whatever the case of their path', async () => {
    await withApi({ API_KEYS: 'first-key' }, async (api) => {
      const server = api.app.getHttpServer();
      const found = await request(server)
        .get('/api/v1/search')
        .query({ q: 'Путин' })
        .set('X-API-Key', 'first-key')
        .expect(200);
      const id = (found.body as { hits: Array<{ id: string }> }).hits[0]?.id ?? '';
      expect(id).not.toBe('');
      const paths = [
        '/API/V1/search?q=x',
        '/api/V1/search?q=x',
        `/Api/v1/documents/${encodeURIComponent(id)}`,
        `/api/v1/documents/${encodeURIComponent(id)}`,
      ];
      for (const path of paths) {
        const missing = await request(server).get(path).expect(401);
        expect(missing.body).toEqual({
          error: { code: 'unauthorized', message: expect.any(String) as string },
        });
        await request(server).get(path).set('X-API-Key', 'first-key').expect(200);
        await request(server).get(path).set('Authorization', 'Bearer first-key').expect(200);
      }
    });
  });

  it('leaves health, readiness, the document page and the web page open', async () => {
    await withApi({ API_KEYS: 'first-key' }, async (api) => {
      const server = api.app.getHttpServer();
      const found = await request(server)
        .get('/api/v1/search')
        .query({ q: 'Путин' })
        .set('X-API-Key', 'first-key')
        .expect(200);
      const id = (found.body as { hits: Array<{ id: string }> }).hits[0]?.id ?? '';
      await request(server).get('/health').expect(200);
      await request(server).get('/ready').expect(200);
      await request(server)
        .get(`/documents/${encodeURIComponent(id)}`)
        .expect(200);
      await request(server).get('/api/docs-json').expect(200);
      // The page's files come from dist/ (npm run build:web); without them `/` is a 404.
      const page = await request(server).get('/');
      expect(page.status).not.toBe(401);
    });
  });

  it('answers 429 with Retry-After past the per-client limit', async () => {
    await withApi({ RATE_LIMIT_PER_MINUTE: '3' }, async (api) => {
      const server = api.app.getHttpServer();
      for (let i = 0; i < 3; i++)
        await request(server).get('/api/v1/search').query({ q: 'x' }).expect(200);
      const limited = await request(server).get('/api/v1/search').query({ q: 'x' }).expect(429);
      expect(limited.body.error.code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      await request(server).get('/health').expect(200);
    });
  });

  it('limits the client address the proxy saw, whatever X-Forwarded-For the client sent', async () => {
    for (const trustProxy of ['1', 'loopback']) {
      await withApi({ RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: trustProxy }, async (api) => {
        const server = api.app.getHttpServer();
        // The proxy appends the address it saw to whatever the client sent in the header.
        const through = (spoofed: string, client: string) =>
          request(server)
            .get('/api/v1/search')
            .query({ q: 'x' })
            .set('X-Forwarded-For', `${spoofed}, ${client}`);
        for (let i = 1; i <= 3; i++)
          await through(`203.0.113.${String(i)}`, '198.51.100.7').expect(200);
        const limited = await through('203.0.113.99', '198.51.100.7').expect(429);
        expect(limited.body.error.code).toBe('rate_limited');
        // Another reader behind the same proxy has a budget of its own.
        await through('203.0.113.99', '198.51.100.8').expect(200);
      });
    }
  });

  it('keeps the client address of a raw UTF-8 URL, so X-Forwarded-For cannot reset the limit', async () => {
    // Only 127.0.0.1 is a trusted proxy; the client comes from 127.0.0.2 and spoofs the header.
    await withApi({ RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1' }, async (api) => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await sendRaw(
          api.app.getHttpServer(),
          [
            Buffer.from(
              `GET /api/v1/search?q=Путин HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.${i}\r\n\r\n`,
            ),
          ],
          0,
          '127.0.0.2',
        );
        statuses.push(response.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    });
  });

  it('gives each valid API key its own budget; a wrong key counts against the address', async () => {
    await withApi(
      { RATE_LIMIT_PER_MINUTE: '3', API_KEYS: 'indexer-key,portal-key' },
      async (api) => {
        const server = api.app.getHttpServer();
        const search = () => request(server).get('/api/v1/search').query({ q: 'x' });
        for (let i = 0; i < 3; i++) await search().set('X-API-Key', 'wrong-key').expect(401);
        await search().set('X-API-Key', 'wrong-key').expect(429);
        await search().expect(429);
        for (let i = 0; i < 3; i++) await search().set('X-API-Key', 'indexer-key').expect(200);
        await search().set('X-API-Key', 'indexer-key').expect(429);
        await search().set('Authorization', 'Bearer portal-key').expect(200);
        // A key's prefix is not the key.
        await search().set('X-API-Key', 'portal').expect(429);
      },
    );
  });

  it('allows configured CORS origins only', async () => {
    await withApi({ CORS_ORIGINS: 'https://news.example' }, async (api) => {
      const server = api.app.getHttpServer();
      const allowed = await request(server)
        .get('/api/v1/search')
        .set('Origin', 'https://news.example')
        .expect(200);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://news.example');
      const other = await request(server)
        .get('/api/v1/search')
        .set('Origin', 'https://evil.example')
        .expect(200);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  it('asks browsers for HTTPS only when the deployment says it is behind TLS', async () => {
    await withApi({}, async (api) => {
      const page = await request(api.app.getHttpServer()).get('/health').expect(200);
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(page.headers['strict-transport-security']).toBeUndefined();
    });
    await withApi({ PUBLIC_HTTPS: 'true' }, async (api) => {
      const page = await request(api.app.getHttpServer()).get('/health').expect(200);
      expect(page.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    });
  });

  it('publishes an OpenAPI document generated from the code', async () => {
    await withApi({}, async (api) => {
      const server = api.app.getHttpServer();
      const json = await request(server).get('/api/docs-json').expect(200);
      const search = json.body.paths['/api/v1/search'].get as {
        parameters: Array<{ name: string }>;
      };
      expect(search.parameters.map((p) => p.name).sort()).toEqual([
        'explain',
        'from',
        'lang',
        'limit',
        'offset',
        'q',
        'sort',
        'source',
        'to',
        'translate',
      ]);
      // The same search by POST, its parameters as a JSON body.
      expect(json.body.paths['/api/v1/search'].post).toBeDefined();
      expect(json.body.paths['/api/v1/documents/{id}']).toBeDefined();
      expect(json.body.components.schemas.SearchResponse).toBeDefined();
      const page = await request(server).get('/api/docs').expect(200);
      expect(page.text).toContain('swagger');
    });
  });
});

describe('Meilisearch down', () => {
  const dataDir = { path: '' };
  beforeAll(async () => {
    dataDir.path = await mkdtemp(join(tmpdir(), 'meili-down-'));
  });
  afterAll(async () => {
    await rm(dataDir.path, { recursive: true, force: true });
  });

  it('answers 503 within 2 seconds and recovers by itself when Meilisearch returns', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => {
          resolve(typeof address === 'object' && address !== null ? address.port : 0);
        });
      });
    });
    let server = await LocalMeilisearchServer.startOrAttach({
      dataDir: dataDir.path,
      port,
      environment: process.env,
    });
    const admin = new MeiliRepository({ url: server.url, apiKey: server.masterKey });
    await new IndexBuilder(admin).reindex({
      liveIndex: 'articles',
      settings: await loadIndexSettings(SETTINGS_PATH),
      records: await readRecords([SAMPLES_DIR]),
    });
    const searchKey = await admin.ensureSearchKey('search-api', ['articles']);
    await server.stop();

    const api = await startSearchApi('articles', {
      MEILI_URL: server.url,
      MEILI_API_KEY: searchKey,
    });
    try {
      const started = Date.now();
      const down = await request(api.app.getHttpServer())
        .get('/api/v1/search')
        .query({ q: 'Путин' })
        .expect(503);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(down.body).toEqual({
        error: { code: 'search_unavailable', message: 'Search is temporarily unavailable' },
      });
      await request(api.app.getHttpServer()).get('/ready').expect(503);

      server = await LocalMeilisearchServer.startOrAttach({
        dataDir: dataDir.path,
        port,
        environment: process.env,
      });
      const back = await request(api.app.getHttpServer())
        .get('/api/v1/search')
        .query({ q: 'Путин', translate: 'false' })
        .expect(200);
      expect(back.body.total).toBe(4);
    } finally {
      await api.close();
      await server.stop();
    }
  });
});
