import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm, mkdtemp, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  loadIndexSettings,
  lockIndexOf,
  MeiliRepository,
  settingsMismatches,
} from '@lib/search-core';
import { DuplicateFilter } from '@lib/ingest';
import { corpusRecords } from '../bench/corpus.js';
import { processExists } from '../support/processes.js';
import {
  childrenOf,
  eventually,
  freePort,
  isReady,
  serveEnvironment,
  serverRecord,
  startServe,
  waitForReady,
} from '../support/serve-process.js';
import { startSearchLoad, type LoadResult } from './search-load.js';

/**
 * The fault drills, end to end on a subset of the corpus: a local `serve` (Meilisearch and the
 * search API), the indexer CLI as an operator runs it, and searches as readers send them
 * throughout. One line per drill: what was lost and how many requests failed.
 */
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '../shared/corpus' },
    records: { type: 'string', default: '3000' },
  },
});

const INDEXER = 'dist/apps/indexer/src/main.js';
const INDEX = 'articles';
const SETTINGS = 'indexing/settings/articles.json';

interface CliResult {
  code: number | null;
  output: string;
}

interface DrillLine {
  name: string;
  ok: boolean;
  lost: number;
  load: LoadResult | null;
  details: string;
}

const log = (line: string): void => {
  process.stderr.write(`[drill] ${line}\n`);
};

function startCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [INDEXER, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<CliResult>((resolve) => {
    child.once('close', (code) => {
      resolve({ code, output });
    });
  });
  return { child, done };
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return startCli(args, env).done;
}

function format(line: DrillLine): string {
  const failed =
    line.load === null
      ? 'no load'
      : `failed requests: ${line.load.failed} of ${line.load.requests}${
          line.load.failed > 0 ? ` (${JSON.stringify(line.load.byStatus)})` : ''
        }`;
  return `${line.ok ? 'ok    ' : 'FAILED'} ${line.name}: lost ${line.lost} documents, ${failed}; ${line.details}`;
}

/** The first `limit` distinct records of the corpus (exact duplicates are indexed once). */
async function writeSubset(dir: string, limit: number): Promise<{ path: string; count: number }> {
  const lines: string[] = [];
  const duplicates = new DuplicateFilter();
  const ids = new Set<string>();
  for await (const record of corpusRecords(values.corpus, limit * 2)) {
    const event = duplicates.apply({ kind: 'record', record, origin: { file: values.corpus } });
    if (event.kind !== 'record' || ids.has(record.id)) continue;
    ids.add(record.id);
    lines.push(JSON.stringify(record));
    if (lines.length >= limit) break;
  }
  const path = join(dir, 'subset.jsonl');
  await writeFile(path, `${lines.join('\n')}\n`);
  return { path, count: lines.length };
}

async function writePoisoned(dir: string, subset: string): Promise<{ path: string; good: number }> {
  const good = (await readFile(subset, 'utf8'))
    .split('\n')
    .filter((line) => line.length > 0)
    .slice(0, 600)
    .map((line) => {
      const record = JSON.parse(line) as { id: string };
      return JSON.stringify({ ...record, id: `poison-drill-${record.id}` });
    });
  const bad = [
    JSON.stringify({
      id: 'poison-drill-\uD800',
      source: 'src\uDC00',
      url: 'https://example.com/\uD800',
      title: 'Lone surrogates \uD800 in every field',
      body: 'A record whose strings are ill-formed \uDC00 UTF-16.',
    }),
    JSON.stringify({ id: 'poison-drill-empty', source: 'example.com' }),
    '\u001B[2J\u0000 not JSON at all',
  ];
  const lines = [...good.slice(0, 300), ...bad, ...good.slice(300)];
  const path = join(dir, 'poisoned.jsonl');
  await writeFile(path, `${lines.join('\n')}\n`);
  return { path, good: good.length + 1 };
}

async function main(): Promise<number> {
  const limit = Number(values.records);
  const dir = await mkdtemp(join(tmpdir(), 'drill-'));
  const dataDir = join(dir, 'meili');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...serveEnvironment(dataDir, port),
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_FORMAT: 'json',
    BATCH_BYTES: String(1024 * 1024),
  };
  const lines: DrillLine[] = [];
  const report = (line: DrillLine): void => {
    lines.push(line);
    process.stdout.write(`${format(line)}\n`);
  };
  const subset = await writeSubset(dir, limit);
  log(`corpus subset: ${subset.count} records from ${values.corpus}`);
  let serve = startServe(env);
  try {
    await waitForReady(base, serve.child);
    const masterKey = (await readFile(join(dataDir, 'master-key'), 'utf8')).trim();
    let admin = new MeiliRepository({ url: (await serverRecord(dataDir)).url, apiKey: masterKey });
    const documents = async (): Promise<number> => (await admin.summary(INDEX))?.documents ?? 0;
    const builds = async (): Promise<string[]> =>
      (await admin.listIndexes(INDEX)).filter((uid) => /_\d{13}$/.test(uid));
    const expectSoon = async (what: string, check: Promise<boolean>): Promise<void> => {
      if (!(await check)) throw new Error(`drill stopped: ${what} did not happen in time`);
    };
    const lockTaken = (): Promise<void> =>
      expectSoon(
        'a run taking the index lock',
        eventually(
          async () =>
            (
              await admin.allDocuments<{ seq: number | null }>(lockIndexOf(INDEX)).catch(() => [])
            ).some((claim) => claim.seq !== null),
          60_000,
        ),
      );
    const buildStarted = (): Promise<void> =>
      expectSoon(
        'a build receiving documents',
        eventually(async () => {
          for (const uid of await builds())
            if (((await admin.summary(uid))?.documents ?? 0) > 0) return true;
          return false;
        }, 120_000),
      );
    const settings = await loadIndexSettings(SETTINGS);
    const settingsOk = async (): Promise<boolean> =>
      settingsMismatches(settings, await admin.getSettings(INDEX)).length === 0;

    // 1. Two reindexes at once (a cron overlap, two operators).
    {
      const load = startSearchLoad(base, 4);
      const first = startCli(['reindex', subset.path], env);
      await lockTaken();
      const second = await runCli(['reindex', subset.path], env);
      const firstResult = await first.done;
      const result = await load.stop();
      const count = await documents();
      const refused = second.code === 1 && second.output.includes('another run is writing to');
      report({
        name: 'two reindexes at once',
        ok:
          firstResult.code === 0 &&
          refused &&
          count === subset.count &&
          (await settingsOk()) &&
          (await isReady(base)) &&
          result.failed === 0,
        lost: subset.count - count,
        load: result,
        details: `the second run ${refused ? 'exited 1 naming the running one' : `exited ${second.code}`}, the first swapped in ${count} documents with the intended settings`,
      });
    }

    // 2. Meilisearch killed mid-reindex: serve restarts it, the reindex rides it out.
    {
      const load = startSearchLoad(base, 4);
      const run = startCli(['reindex', subset.path], env);
      await buildStarted();
      const { pid } = await serverRecord(dataDir);
      const killedAt = Date.now();
      process.kill(pid, 'SIGKILL');
      await eventually(() => isReady(base), 60_000);
      const downMs = Date.now() - killedAt;
      const result = await run.done;
      const stats = await load.stop();
      const count = await documents();
      if (result.code !== 0) log(result.output.slice(-2_000));
      report({
        name: 'Meilisearch killed mid-reindex',
        ok: result.code === 0 && count === subset.count && (await builds()).length === 0,
        lost: subset.count - count,
        load: stats,
        details: `serve restarted it (ready again after ${(downMs / 1000).toFixed(1)} s; searches meanwhile waited for it${stats.failed > 0 ? ', or failed with 503 past MEILI_TIMEOUT_MS' : ''}), the reindex ${result.code === 0 ? 'completed' : `exited ${result.code}`}`,
      });
    }

    // 3. The indexer killed mid-reindex: the live index stays, the next run goes on at once.
    {
      const load = startSearchLoad(base, 4);
      const before = await documents();
      const doomed = startCli(['reindex', subset.path], env);
      await buildStarted();
      doomed.child.kill('SIGKILL');
      await doomed.done;
      const after = await documents();
      const started = Date.now();
      const next = await runCli(['reindex', subset.path], env);
      const stats = await load.stop();
      report({
        name: 'indexer killed mid-reindex',
        ok:
          after === before &&
          next.code === 0 &&
          (await documents()) === subset.count &&
          (await builds()).length === 0 &&
          stats.failed === 0,
        lost: before - after,
        load: stats,
        details: `the live index kept its ${after} documents; the next reindex took the dead run's lock at once, removed its half-built index and finished in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      });
    }

    // 4. A poisoned record among good ones.
    {
      const load = startSearchLoad(base, 4);
      const poisoned = await writePoisoned(dir, subset.path);
      const before = await documents();
      const run = await runCli(['add', poisoned.path], env);
      const stats = await load.stop();
      const added = (await documents()) - before;
      const errorLines = run.output.split('\n').filter((line) => line.startsWith('  error:'));
      report({
        name: 'poisoned records among good ones',
        ok:
          run.code === 1 &&
          added === poisoned.good &&
          errorLines.length === 2 &&
          !run.output.includes('\u001B') &&
          !run.output.includes('\u0000') &&
          stats.failed === 0,
        lost: poisoned.good - added,
        load: stats,
        details: `${added} good records indexed (lone surrogates replaced), ${errorLines.length} error lines naming file:line, exit ${run.code}`,
      });
      await runCli(['reindex', subset.path], env);
    }

    // 5. 32 connections of load during a swap.
    {
      const load = startSearchLoad(base, 32);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const run = await runCli(['reindex', subset.path], env);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const stats = await load.stop();
      const count = await documents();
      report({
        name: '32 connections during a reindex and swap',
        ok: run.code === 0 && count === subset.count && stats.failed === 0,
        lost: subset.count - count,
        load: stats,
        details: `reindex ${run.code === 0 ? 'swapped' : `exited ${run.code}`} under load`,
      });
    }

    // 6. SIGTERM to the top process (`npm run serve`, as `npm start` runs it after its build).
    {
      serve.child.kill('SIGINT');
      await new Promise((resolve) => serve.child.once('exit', resolve));
      serve = startServe(env, 'npm', ['run', '--silent', 'serve']);
      await waitForReady(base, serve.child);
      const npmPid = serve.child.pid ?? -1;
      const descendants = childrenOf(npmPid);
      for (const pid of [...descendants]) descendants.push(...childrenOf(pid));
      // The new serve started Meilisearch on another free port.
      admin = new MeiliRepository({ url: (await serverRecord(dataDir)).url, apiKey: masterKey });
      const count = await documents();
      serve.child.kill('SIGTERM');
      const gone = await eventually(() => descendants.every((pid) => !processExists(pid)), 20_000);
      const portFree = await new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.once('error', () => {
          resolve(true);
        });
      });
      report({
        name: 'SIGTERM to the top process',
        ok: gone && portFree && count === subset.count,
        lost: subset.count - count,
        load: null,
        details: `${descendants.length} processes under npm (serve, Meilisearch, the search API): ${
          gone ? 'all exited' : `left running: ${descendants.filter(processExists).join(', ')}`
        }; port ${portFree ? 'free' : 'still taken'}`,
      });
    }
  } finally {
    if (serve.child.exitCode === null) serve.child.kill('SIGINT');
    await eventually(
      () => serve.child.exitCode !== null || serve.child.signalCode !== null,
      20_000,
    );
    await rm(dir, { recursive: true, force: true });
  }
  return lines.every((line) => line.ok) ? 0 : 1;
}

process.exitCode = await main();
