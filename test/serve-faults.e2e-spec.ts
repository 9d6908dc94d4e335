import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processExists } from './support/processes.js';
import { writeSyntheticCorpus } from './support/synthetic-corpus.js';
import {
  childrenOf,
  eventually,
  freePort,
  isReady,
  meilisearchesOf,
  serveEnvironment,
  serverRecord,
  startServe,
  waitForReady,
} from './support/serve-process.js';

const INDEXER = 'dist/apps/indexer/src/main.js';

function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [INDEXER, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('close', (code) => {
      resolve({ code, out });
    });
  });
}

describe('serve under faults', () => {
  const cleanups: Array<() => Promise<void>> = [];

  afterEach(async () => {
    // Last registered first: the processes stop before their data folder is removed.
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup(): Promise<{ dataDir: string; port: number; base: string }> {
    const dataDir = await mkdtemp(join(tmpdir(), 'serve-faults-'));
    const port = await freePort();
    cleanups.push(async () => {
      for (const pid of meilisearchesOf(dataDir)) process.kill(pid, 'SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    });
    return { dataDir, port, base: `http://127.0.0.1:${port}` };
  }

  it('restarts a killed Meilisearch; a command run meanwhile starts no second server', async () => {
    const { dataDir, port, base } = await setup();
    const env = serveEnvironment(dataDir, port);
    const serve = startServe(env);
    cleanups.push(async () => {
      serve.child.kill('SIGINT');
      await new Promise((resolve) => serve.child.once('exit', resolve));
    });
    await waitForReady(base, serve.child);
    const before = await serverRecord(dataDir);

    process.kill(before.pid, 'SIGKILL');
    // Restarted at once: a reader's search meanwhile waits for it rather than failing.
    const during = await fetch(`${base}/api/v1/search?q=${encodeURIComponent('Путин')}`);
    expect(during.status).toBe(200);
    const stats = await runCli(['stats'], env);
    expect(stats.code, stats.out).toBe(0);
    expect(stats.out).toContain('5 documents');
    expect(await eventually(() => isReady(base), 30_000)).toBe(true);

    const after = await serverRecord(dataDir);
    expect(after.ownerPid).toBe(serve.child.pid);
    expect(after.url).toBe(before.url);
    expect(after.pid).not.toBe(before.pid);
    expect(meilisearchesOf(dataDir)).toEqual([after.pid]);
    expect(serve.output()).toContain('restarting in 0 s');
    expect(serve.output()).toContain('restarted Meilisearch');
  });

  it('takes over the Meilisearch a CLI run started when that run ends, on the same address', async () => {
    const { dataDir, port, base } = await setup();
    const env = serveEnvironment(dataDir, port);
    const corpus = await writeSyntheticCorpus(dataDir, 'corpus.jsonl', 1500);
    const reindex = new Promise<{ code: number | null; out: string }>((resolve) => {
      void runCli(['reindex', corpus], { ...env, BATCH_BYTES: String(128 * 1024) }).then(resolve);
    });
    expect(
      await eventually(
        () =>
          serverRecord(dataDir).then(
            () => true,
            () => false,
          ),
        30_000,
      ),
    ).toBe(true);
    const cliServer = await serverRecord(dataDir);
    const serve = startServe(env);
    cleanups.push(async () => {
      serve.child.kill('SIGINT');
      await new Promise((resolve) => serve.child.once('exit', resolve));
    });
    const indexed = await reindex;
    expect(indexed.code, indexed.out).toBe(0);
    expect(await eventually(() => isReady(base), 60_000), serve.output()).toBe(true);
    const record = await serverRecord(dataDir);
    expect(record.ownerPid).toBe(serve.child.pid);
    expect(record.url).toBe(cliServer.url);
    expect(serve.output()).toContain('taking it over');
    const response = await fetch(`${base}/api/v1/search?q=report&limit=1`);
    expect(((await response.json()) as { total: number }).total).toBeGreaterThan(1000);
  });

  it('kill -9 of serve ends the search API and Meilisearch, so the next start gets the port', async () => {
    const { dataDir, port, base } = await setup();
    const env = serveEnvironment(dataDir, port);
    const first = startServe(env);
    await waitForReady(base, first.child);
    const servePid = first.child.pid ?? -1;
    const children = childrenOf(servePid);
    const { pid: meiliPid } = await serverRecord(dataDir);
    expect(children).toContain(meiliPid);
    expect(children).toHaveLength(2);

    first.child.kill('SIGKILL');
    expect(await eventually(() => children.every((pid) => !processExists(pid)), 10_000)).toBe(true);

    const second = startServe(env);
    cleanups.push(async () => {
      second.child.kill('SIGINT');
      await new Promise((resolve) => second.child.once('exit', resolve));
    });
    await waitForReady(base, second.child);
    expect(second.output()).not.toContain('EADDRINUSE');
  });

  it.each([
    ['SIGTERM', 'stops'],
    ['SIGKILL', 'is killed'],
  ] as const)(
    '%s to `npm run serve`: everything it started exits when npm %s',
    async (signal, _what) => {
      const { dataDir, port, base } = await setup();
      const npm = startServe(serveEnvironment(dataDir, port), 'npm', ['run', '--silent', 'serve']);
      await waitForReady(base, npm.child);
      const npmPid = npm.child.pid ?? -1;
      const descendants = [...childrenOf(npmPid)];
      for (const pid of [...descendants]) descendants.push(...childrenOf(pid));
      expect(descendants.length).toBeGreaterThanOrEqual(3);

      npm.child.kill(signal);
      expect(
        await eventually(() => descendants.every((pid) => !processExists(pid)), 15_000),
        `left running: ${descendants.filter(processExists).join(', ')}`,
      ).toBe(true);
    },
  );
});
