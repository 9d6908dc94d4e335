import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  IndexBuilder,
  loadIndexSettings,
  LocalMeilisearchServer,
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
import { processExists } from './support/processes.js';
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
  it('isolates a record Meilisearch rejects: it gets its error line, every other one is indexed', async () => {
    const live = uniqueIndex('reindex');
    await buildIndex(live, await readRecords([SAMPLES_DIR]));
    const repository = adminRepository();
    const poisoned = article({
      id: 'ill-formed',
      title: 'x',
      body: 'lone surrogate \uD800 fails the whole task',
    });
    const records = [...synthetic(150), poisoned, ...synthetic(150, 'more')];
    const rejected: Array<{ key: string; origin: string | undefined; reason: string }> = [];
    const result = await new IndexBuilder(repository).reindex({
      liveIndex: live,
      settings: await loadIndexSettings(SETTINGS_PATH),
      records,
      batchBytes: 256 * 1024,
      originOf: (record) => `records.jsonl:${records.indexOf(record) + 1}`,
      onRejected: (document) => rejected.push(document),
    });
    expect(rejected).toEqual([
      {
        key: 'ill-formed',
        origin: 'records.jsonl:151',
        reason: expect.stringContaining('rejected'),
      },
    ]);
    expect(result).toMatchObject({ documents: 300, rejected: 1 });
    expect(await idsOf(repository, live)).toHaveLength(300);
    expect(await idsOf(repository, live)).not.toContain('ill-formed');
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
      onProgress: ({ indexed }) => {
        if (indexed > 0) abort.abort(new Error('SIGINT'));
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
  it('completes the reindex when the supervised server restarts, nothing lost', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reindex-restart-'));
    const log: string[] = [];
    const server = await LocalMeilisearchServer.startOrAttach({
      dataDir,
      environment: process.env,
      supervise: true,
      log: (line) => log.push(line),
    });
    try {
      const live = 'articles';
      const settings = await loadIndexSettings(SETTINGS_PATH);
      const repository = new MeiliRepository({ url: server.url, apiKey: server.masterKey });
      await new IndexBuilder(repository).reindex({
        liveIndex: live,
        settings,
        records: await readRecords([SAMPLES_DIR]),
      });
      const { pid } = JSON.parse(await readFile(join(dataDir, 'server.json'), 'utf8')) as {
        pid: number;
      };
      let killed = false;
      const result = await new IndexBuilder(repository).reindex({
        liveIndex: live,
        settings,
        records: synthetic(2000),
        batchBytes: 64 * 1024,
        onProgress: ({ indexed }) => {
          if (!killed && indexed > 0) {
            killed = true;
            process.kill(pid, 'SIGKILL');
          }
        },
      });
      expect(killed).toBe(true);
      expect(result.documents).toBe(2000);
      expect(await idsOf(repository, live)).toHaveLength(1000);
      expect((await repository.summary(live))?.documents).toBe(2000);
      expect(log.some((line) => line.includes('restarted Meilisearch'))).toBe(true);
      const record = JSON.parse(await readFile(join(dataDir, 'server.json'), 'utf8')) as {
        pid: number;
        url: string;
      };
      expect(record.pid).not.toBe(pid);
      expect(record.url).toBe(server.url);
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps the live index serving after a restart when the run gives up', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reindex-kill-'));
    let server = await LocalMeilisearchServer.startOrAttach({ dataDir, environment: process.env });
    try {
      const live = 'articles';
      const settings = await loadIndexSettings(SETTINGS_PATH);
      let repository = new MeiliRepository({
        url: server.url,
        apiKey: server.masterKey,
        timeoutMs: 2_000,
        unavailableGraceMs: 1_000,
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
        lock: { ttlMs: 2_000 },
        onProgress: ({ indexed }) => {
          if (indexed > 0 && processExists(pid)) process.kill(pid, 'SIGKILL');
        },
      });
      await expect(doomed).rejects.toBeInstanceOf(MeilisearchUnavailableError);
      await server.stop();

      server = await LocalMeilisearchServer.startOrAttach({ dataDir, environment: process.env });
      repository = new MeiliRepository({ url: server.url, apiKey: server.masterKey });
      expect(await idsOf(repository, live)).toHaveLength(5);
      const hits = await repository.search(live, 'путин', { limit: 10 });
      expect(hits.hits.length).toBe(4);

      // The dead run's claim on the lock outlives it by its time to live.
      const next = await new IndexBuilder(repository).reindex({
        liveIndex: live,
        settings,
        records: synthetic(5, 'after'),
        lock: { wait: true },
      });
      expect(next.removedStale).toHaveLength(1);
      expect(await buildIndexes(repository, live)).toEqual([]);
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
