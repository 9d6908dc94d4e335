import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processExists } from './support/processes.js';
import { freePort, serveEnvironment, startServe, waitForReady } from './support/serve-process.js';

describe('the main job (npm start = indexer serve)', () => {
  let dataDir: string;
  let child: ChildProcess;
  let base: string;
  let output: () => string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'main-job-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const serve = startServe(serveEnvironment(dataDir, port));
    child = serve.child;
    output = serve.output;
    await waitForReady(base, child);
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('indexes the samples and answers the README query with the Russian pages first', async () => {
    const response = await fetch(`${base}/api/v1/search?q=${encodeURIComponent('Путин')}`);
    const body = (await response.json()) as {
      total: number;
      hits: Array<{ id: string; link: string; lang: string }>;
    };
    expect(response.status).toBe(200);
    // The four Russian pages, then the English one through the translated query ("putin").
    expect(body.total).toBe(5);
    expect(body.hits.map((h) => h.lang)).toEqual(['ru', 'ru', 'ru', 'ru', 'en']);
    expect(body.hits.every((h) => h.id.length > 0 && h.link.length > 0)).toBe(true);
  });

  it('gives the search API a search-only key, never the master key', async () => {
    const masterKey = (await readFile(join(dataDir, 'master-key'), 'utf8')).trim();
    expect(output()).not.toContain(masterKey);
  });

  it('stops Meilisearch on SIGINT and leaves no process behind', async () => {
    const record = JSON.parse(await readFile(join(dataDir, 'server.json'), 'utf8')) as {
      pid: number;
    };
    expect(processExists(record.pid)).toBe(true);
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => {
        resolve(code);
      }),
    );
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(processExists(record.pid)).toBe(false);
  });
});
