import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BuildVerificationError,
  IndexBuilder,
  IndexNotFoundError,
  loadIndexSettings,
  lockIndexOf,
  MeilisearchTaskError,
  settingsMismatches,
  type MeiliRepository,
} from '@lib/search-core';
import { runIndexer, startIndexer } from './support/indexer-cli.js';
import { adminRepository, buildIndex, uniqueIndex } from './support/search-api.harness.js';
import { article, readRecords, SAMPLES_DIR, SETTINGS_PATH } from './support/samples.js';
import { eventually } from './support/serve-process.js';
import { writeSyntheticCorpus } from './support/synthetic-corpus.js';

/** Small batches, so that a run of a few thousand records lasts several Meilisearch tasks. */
const SLOW = { BATCH_BYTES: String(128 * 1024) };

async function idsOf(repository: MeiliRepository, index: string): Promise<string[]> {
  const result = await repository.search(index, '', { limit: 5000, attributesToRetrieve: ['id'] });
  return result.hits.map((h) => h.id).sort();
}

async function buildIndexes(repository: MeiliRepository, live: string): Promise<string[]> {
  return (await repository.listIndexes(live)).filter((uid) => /_\d{13}$/.test(uid));
}

/** Waits until a run has taken the lock of `index` (its claim has its queue position). */
async function lockTaken(index: string): Promise<void> {
  const repository = adminRepository();
  const taken = await eventually(async () => {
    const claims = await repository
      .allDocuments<{ seq: number | null }>(lockIndexOf(index))
      .catch(() => []);
    return claims.some((claim) => claim.seq !== null);
  }, 30_000);
  if (!taken) throw new Error('no run took the lock');
}

/** Waits until the live index's build has received documents. */
async function buildStarted(index: string): Promise<void> {
  const repository = adminRepository();
  const started = await eventually(async () => {
    for (const uid of await buildIndexes(repository, index))
      if (((await repository.summary(uid))?.documents ?? 0) > 0) return true;
    return false;
  }, 30_000);
  if (!started) throw new Error('the build never received documents');
}

describe('index integrity under concurrent and interrupted runs', () => {
  let dir: string;
  let big: string;
  let small: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'integrity-'));
    big = await writeSyntheticCorpus(dir, 'big.jsonl', 3000);
    small = await writeSyntheticCorpus(dir, 'small.jsonl', 40);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs one reindex at a time: a second exits with a clear message, --wait waits its turn', async () => {
    const index = uniqueIndex('integrity');
    const first = startIndexer(['reindex', big], { index, env: SLOW });
    await lockTaken(index);
    const second = await runIndexer(['reindex', small], { index });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`another run is writing to "${index}"`);
    expect(second.stderr).toContain('reindex on');
    const waiting = startIndexer(['reindex', small, '--wait'], { index });
    expect((await first.done).code).toBe(0);
    const waited = await waiting.done;
    expect(waited.code, waited.stderr).toBe(0);
    expect(waited.stderr).toContain('waiting for the run that holds');

    const repository = adminRepository();
    expect(await idsOf(repository, index)).toHaveLength(40);
    const settings = await loadIndexSettings(SETTINGS_PATH);
    expect(settingsMismatches(settings, await repository.getSettings(index))).toEqual([]);
    expect(await buildIndexes(repository, index)).toEqual([]);
    const hits = await repository.search(index, 'report', {
      filter: ['lang = "en"', 'published_ts >= 0'],
      attributesToSearchOn: ['title_terms'],
      sort: ['published_ts:desc'],
      facets: ['lang', 'source'],
    });
    expect(hits.estimatedTotalHits).toBeGreaterThan(0);
  });

  it('refuses add and delete while a reindex writes, so the swap never drops them', async () => {
    const index = uniqueIndex('integrity');
    const reindex = startIndexer(['reindex', big], { index, env: SLOW });
    await lockTaken(index);
    const add = await runIndexer(['add', small], { index });
    expect(add.code).toBe(1);
    expect(add.stderr).toContain('another run is writing to');
    const removal = await runIndexer(['delete', 'big-1'], { index });
    expect(removal.code).toBe(1);
    expect((await reindex.done).code).toBe(0);
    expect(await idsOf(adminRepository(), index)).toHaveLength(3000);
  });

  it('goes on at once after a reindex killed with SIGKILL, removing its half-built index', async () => {
    const index = uniqueIndex('integrity');
    expect((await runIndexer(['reindex', small], { index })).code).toBe(0);
    const doomed = startIndexer(['reindex', big], { index, env: SLOW });
    await buildStarted(index);
    doomed.child.kill('SIGKILL');
    await doomed.done;
    const repository = adminRepository();
    expect(await idsOf(repository, index)).toHaveLength(40);
    expect(await buildIndexes(repository, index)).toHaveLength(1);

    const next = await runIndexer(['reindex', small, SAMPLES_DIR], { index });
    expect(next.code, next.stderr).toBe(0);
    expect(await idsOf(repository, index)).toHaveLength(45);
    expect(await buildIndexes(repository, index)).toEqual([]);
  });

  it('waits out the claim of a run on another machine until it expires', async () => {
    const index = uniqueIndex('integrity');
    const repository = adminRepository();
    await repository.ensureIndex(lockIndexOf(index));
    await repository.putDocuments(lockIndexOf(index), [
      {
        key: 'elsewhere',
        owner: 'reindex on another-host (pid 4242)',
        machine: 'another-host/boot/1',
        pid: 4242,
        seq: 0,
        expires_at: Date.now() + 4_000,
        claimed_at: new Date().toISOString(),
      },
    ]);
    const refused = await runIndexer(['reindex', small], { index });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('reindex on another-host (pid 4242)');
    const waited = await runIndexer(['reindex', small, '--wait'], { index });
    expect(waited.code, waited.stderr).toBe(0);
    expect(await idsOf(repository, index)).toHaveLength(40);
  });

  it('stops within seconds on SIGINT, live index untouched and nothing left behind', async () => {
    const index = uniqueIndex('integrity');
    expect((await runIndexer(['reindex', small], { index })).code).toBe(0);
    const run = startIndexer(['reindex', big], { index, env: SLOW });
    await buildStarted(index);
    const sent = Date.now();
    run.child.kill('SIGINT');
    const result = await run.done;
    const tookMs = Date.now() - sent;
    expect(tookMs).toBeLessThan(5_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('reindex interrupted: the live index is left unchanged');
    const repository = adminRepository();
    expect(await idsOf(repository, index)).toHaveLength(40);
    expect(await buildIndexes(repository, index)).toEqual([]);
    expect(await repository.allDocuments(lockIndexOf(index))).toEqual([]);
  });

  it('indexes every good record of a batch around records with lone surrogates in any field', async () => {
    const index = uniqueIndex('integrity');
    const poisoned = JSON.stringify({
      id: 'poisoned-\uD800',
      source: 'bad\uDC00source',
      url: 'https://example.com/\uD800',
      title: 'Poisoned \uD800 record',
      body: 'Its strings hold lone surrogates \uDC00 that Meilisearch refuses.',
    });
    const path = await writeSyntheticCorpus(dir, 'poisoned.jsonl', 600, [poisoned]);
    const run = await runIndexer(['add', path], { index });
    expect(run.code, run.stderr).toBe(0);
    const ids = await idsOf(adminRepository(), index);
    expect(ids).toHaveLength(601);
    expect(ids).toContain('poisoned-\uFFFD');
  });

  it('prints terminal-safe error lines and summarizes a file full of errors', async () => {
    const index = uniqueIndex('integrity');
    const binary = join(dir, 'binary.jsonl');
    const lines = Array.from({ length: 200 }, (_, i) => `\u001B[31m\u0000garbage ${i}\u0007`);
    await writeFile(binary, lines.join('\n'));
    const run = await runIndexer(['add', binary, small], { index });
    expect(run.code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    const errorLines = run.stdout.split('\n').filter((line) => line.includes('binary.jsonl'));
    expect(errorLines).toHaveLength(6);
    expect(errorLines[0]).toContain('\\x1B[31m');
    expect(errorLines[5]).toContain('195 more errors in this file not shown');
    expect(run.stdout).toContain('failed 200');
  });

  it('prints the database size in stats, never NaN', async () => {
    const index = uniqueIndex('integrity');
    expect((await runIndexer(['reindex', small], { index })).code).toBe(0);
    const run = await runIndexer(['stats'], { index });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('NaN');
    expect(run.stdout).toMatch(/database [\d.]+ [KM]B on disk/);
  });
});

describe('what a reindex checks before it swaps', () => {
  it('never re-creates a build index deleted under it, and never swaps', async () => {
    const live = uniqueIndex('integrity');
    await buildIndex(live, await readRecords([SAMPLES_DIR]));
    const repository = adminRepository();
    let deleted = false;
    const run = new IndexBuilder(repository).reindex({
      liveIndex: live,
      settings: await loadIndexSettings(SETTINGS_PATH),
      records: Array.from({ length: 400 }, (_, i) =>
        article({ id: `gone-${i}`, title: `Gone ${i}`, body: 'Text of a report. '.repeat(100) }),
      ),
      batchBytes: 64 * 1024,
      onProgress: ({ indexed }) => {
        if (deleted || indexed === 0) return;
        deleted = true;
        void buildIndexes(repository, live).then((builds) =>
          Promise.all(builds.map((uid) => repository.deleteIndex(uid))),
        );
      },
    });
    // The next write fails (the key cannot create the index), or the count check does.
    await expect(run).rejects.toSatisfy(
      (error) =>
        error instanceof MeilisearchTaskError ||
        error instanceof IndexNotFoundError ||
        error instanceof BuildVerificationError,
    );
    expect(await buildIndexes(repository, live)).toEqual([]);
    expect(await idsOf(repository, live)).toHaveLength(5);
  });

  it('refuses to swap a build whose settings are not the intended ones', async () => {
    const live = uniqueIndex('integrity');
    await buildIndex(live, await readRecords([SAMPLES_DIR]));
    const repository = adminRepository();
    let changed = false;
    const run = new IndexBuilder(repository).reindex({
      liveIndex: live,
      settings: await loadIndexSettings(SETTINGS_PATH),
      records: Array.from({ length: 50 }, (_, i) =>
        article({ id: `drift-${i}`, title: `Drift ${i}`, body: 'Text of a report. '.repeat(50) }),
      ),
      batchBytes: 16 * 1024,
      onProgress: ({ indexed }) => {
        if (changed || indexed === 0) return;
        changed = true;
        void buildIndexes(repository, live).then((builds) =>
          Promise.all(
            builds.map((uid) => repository.applySettings(uid, { searchableAttributes: ['*'] })),
          ),
        );
      },
    });
    await expect(run).rejects.toBeInstanceOf(BuildVerificationError);
    await expect(run).rejects.toThrow(/searchableAttributes/);
    expect(await idsOf(repository, live)).toHaveLength(5);
    expect(await buildIndexes(repository, live)).toEqual([]);
  });
});
