import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  IndexBuilder,
  loadIndexSettings,
  LocalMeilisearchServer,
  MeilisearchTaskError,
  MeilisearchUnavailableError,
  MeiliRepository,
  ReindexAbortedError,
  type ArticleInput,
} from '@lib/search-core';
import {
  adminRepository,
  buildIndex,
  startSearchApi,
  uniqueIndex,
} from './support/search-api.harness.js';
import { article, readRecords, SAMPLES_DIR, SETTINGS_PATH } from './support/samples.js';

function synthetic(count: number, prefix = 'syn'): ArticleInput[] {
  return Array.from({ length: count }, (_, i) =>
    article({
      id: `${prefix}-${i}`,
      title: `Synthetic report ${i} on trade talks`,
      body: `Report number ${i}. Trade talks between delegations continued on day ${i % 30}, officials said. `.repeat(
        20,
      ),
    }),
  );
}

async function idsOf(repository: MeiliRepository, index: string): Promise<string[]> {
  const result = await repository.search(index, '', { limit: 1000, attributesToRetrieve: ['id'] });
  return result.hits.map((h) => h.id).sort();
}

async function buildIndexes(repository: MeiliRepository, live: string): Promise<string[]> {
  return (await repository.listIndexes(live)).filter((uid) => uid !== live && /_\d{13}$/.test(uid));
}

describe('zero-downtime reindex', () => {
  it('stops on the first failed Meilisearch task and leaves the live index intact', async () => {
    const live = uniqueIndex('reindex');
    await buildIndex(live, await readRecords([SAMPLES_DIR]));
    const repository = adminRepository();
    const before = await idsOf(repository, live);
    const records = [
      ...synthetic(50),
      article({ id: 'ill-formed', title: 'x', body: 'lone surrogate \uD800 fails the task' }),
    ];
    const reindex = new IndexBuilder(repository).reindex({
      liveIndex: live,
      settings: await loadIndexSettings(SETTINGS_PATH),
      records,
      batchBytes: 64 * 1024,
    });
    await expect(reindex).rejects.toBeInstanceOf(MeilisearchTaskError);
    expect(await idsOf(repository, live)).toEqual(before);
    expect(await buildIndexes(repository, live)).toEqual([]);
  });

  it('leaves the live index intact when interrupted, and removes stale builds on the next run', async () => {
    const live = uniqueIndex('reindex');
    await buildIndex(live, await readRecords([SAMPLES_DIR]));
    const repository = adminRepository();
    const settings = await loadIndexSettings(SETTINGS_PATH);
    const abort = new AbortController();
    const interrupted = new IndexBuilder(repository).reindex({
      liveIndex: live,
      settings,
      records: synthetic(300),
      batchBytes: 64 * 1024,
      signal: abort.signal,
      onBatch: () => {
        abort.abort(new Error('SIGINT'));
      },
    });
    await expect(interrupted).rejects.toBeInstanceOf(ReindexAbortedError);
    expect(await idsOf(repository, live)).toHaveLength(5);
    expect(await buildIndexes(repository, live)).toEqual([]);

    const stale = `${live}_1700000000000`;
    await repository.createIndex(stale, settings);
    const result = await new IndexBuilder(repository).reindex({
      liveIndex: live,
      settings,
      records: synthetic(3),
    });
    expect(result.removedStale).toEqual([stale]);
    expect(await idsOf(repository, live)).toEqual(['syn-0', 'syn-1', 'syn-2']);
  });

  it('keeps answering searches, never empty, through a reindex and swap', async () => {
    const live = uniqueIndex('reindex');
    const samples = await readRecords([SAMPLES_DIR]);
    await buildIndex(live, samples);
    // One client loops as fast as it can: the per-client rate limit would answer it with 429s.
    const api = await startSearchApi(live, { RATE_LIMIT_PER_MINUTE: '0' });
    try {
      const loopState = { running: true };
      const statuses: number[] = [];
      const totals: number[] = [];
      const loop = (async () => {
        while (loopState.running) {
          const response = await request(api.app.getHttpServer())
            .get('/api/v1/search')
            .query({ q: 'Путин' });
          statuses.push(response.status);
          totals.push((response.body as { total?: number }).total ?? 0);
        }
      })();
      await new IndexBuilder(adminRepository()).reindex({
        liveIndex: live,
        settings: await loadIndexSettings(SETTINGS_PATH),
        records: [...samples, ...synthetic(500)],
        batchBytes: 128 * 1024,
      });
      loopState.running = false;
      await loop;
      expect(statuses.length).toBeGreaterThan(10);
      expect(new Set(statuses)).toEqual(new Set([200]));
      expect(Math.min(...totals)).toBeGreaterThan(0);
    } finally {
      await api.close();
    }
  });
});

describe('Meilisearch killed during a reindex', () => {
  it('keeps the live index serving after a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reindex-kill-'));
    let server = await LocalMeilisearchServer.startOrAttach({ dataDir, environment: process.env });
    try {
      const live = 'articles';
      const settings = await loadIndexSettings(SETTINGS_PATH);
      let repository = new MeiliRepository({
        url: server.url,
        apiKey: server.masterKey,
        timeoutMs: 2_000,
      });
      await new IndexBuilder(repository).reindex({
        liveIndex: live,
        settings,
        records: await readRecords([SAMPLES_DIR]),
      });
      const { pid } = JSON.parse(await readFile(join(dataDir, 'server.json'), 'utf8')) as {
        pid: number;
      };

      const doomed = new IndexBuilder(repository).reindex({
        liveIndex: live,
        settings,
        records: synthetic(2000),
        batchBytes: 64 * 1024,
        onBatch: ({ batches }) => {
          if (batches === 2) process.kill(pid, 'SIGKILL');
        },
      });
      await expect(doomed).rejects.toBeInstanceOf(MeilisearchUnavailableError);
      await server.stop();

      server = await LocalMeilisearchServer.startOrAttach({ dataDir, environment: process.env });
      repository = new MeiliRepository({ url: server.url, apiKey: server.masterKey });
      expect(await idsOf(repository, live)).toHaveLength(5);
      const hits = await repository.search(live, 'путин', { limit: 10 });
      expect(hits.hits.length).toBe(4);

      const next = await new IndexBuilder(repository).reindex({
        liveIndex: live,
        settings,
        records: synthetic(5, 'after'),
      });
      expect(next.removedStale).toHaveLength(1);
      expect(await buildIndexes(repository, live)).toEqual([]);
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
