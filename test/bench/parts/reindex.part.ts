import { spawn } from 'node:child_process';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { MeiliRepository, primaryKeyFor } from '@lib/search-core';
import { PeakRssWatcher } from '../process-memory.js';
import { median, round } from '../stats.js';

/** Full reindex against plain ingestion of the same records. */
export interface ReindexResult {
  /** Records pushed by plain ingestion. */
  documents: number;
  /** What the project indexed, skipped (duplicates) and refused (records with neither title nor body). */
  project: { indexed: number; skipped: number; failed: number };
  runs: number;
  plainSeconds: number[];
  projectSeconds: number[];
  medianPlainSeconds: number;
  medianProjectSeconds: number;
  ratio: number;
  indexerPeakRssMb: number;
}

const BATCH_BYTES = 8 * 1024 * 1024;
const IN_FLIGHT = 2;

async function* rawLines(paths: string[]): AsyncGenerator<string> {
  for (const path of paths) {
    const input = path.endsWith('.gz')
      ? createReadStream(path).pipe(createGunzip())
      : createReadStream(path);
    for await (const line of createInterface({ input, crlfDelay: Infinity }))
      if (line.trim().length > 0) yield line;
  }
}

/** Plain ingestion: the same records as they are (only a valid primary key added); title and body searchable, other settings default. */
export async function plainIngest(
  repository: MeiliRepository,
  uid: string,
  paths: string[],
): Promise<{ seconds: number; documents: number }> {
  await repository.deleteIndex(uid);
  const started = performance.now();
  await repository.createIndex(uid, { searchableAttributes: ['title', 'body'] });
  const inFlight: number[] = [];
  let batch: string[] = [];
  let bytes = 0;
  let documents = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    inFlight.push(await repository.enqueueNdjson(uid, batch.join('\n')));
    batch = [];
    bytes = 0;
    if (inFlight.length >= IN_FLIGHT)
      await repository.waitForTask(inFlight.shift() ?? 0, 'plain batch');
  };
  for await (const line of rawLines(paths)) {
    const record = JSON.parse(line) as { id: string };
    batch.push(JSON.stringify({ ...record, key: primaryKeyFor(record.id) }));
    bytes += line.length;
    documents++;
    if (bytes >= BATCH_BYTES) await flush();
  }
  await flush();
  for (const task of inFlight) await repository.waitForTask(task, 'plain batch');
  return { seconds: (performance.now() - started) / 1000, documents };
}

/**
 * The node arguments of an npm script ("exec node --flag dist/x.js cmd"), so the bench runs what
 * operators run.
 */
function scriptNodeArgs(name: string): string[] {
  const scripts = (
    JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const [node, ...args] = (scripts[name] ?? '').replace(/^exec\s+/, '').split(/\s+/);
  if (node !== 'node') throw new Error(`npm script ${name} does not start with node`);
  return args;
}

/** What one run of the project's reindex did. */
interface ProjectRun {
  seconds: number;
  peakRssMb: number;
  indexed: number;
  failed: number;
  skipped: number;
}

/** The project's reindex, run as operators run it: the indexer CLI in its own process. */
export async function projectReindex(options: {
  url: string;
  masterKey: string;
  index: string;
  paths: string[];
  /** More of the indexer's environment (MEILI_SHARDS with an empty `url`, for shards). */
  env?: Record<string, string>;
}): Promise<ProjectRun> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...scriptNodeArgs('reindex'), '--json', ...options.paths],
    {
      env: {
        PATH: process.env.PATH ?? '',
        MEILI_URL: options.url,
        MEILI_MASTER_KEY: options.masterKey,
        MEILI_INDEX: options.index,
        LOG_FORMAT: 'json',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const watcher = new PeakRssWatcher(child.pid ?? 0);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const peakRssMb = watcher.stop();
  const seconds = (performance.now() - started) / 1000;
  // Exit code 1 with a report means some inputs failed (a record with neither title nor body).
  const report =
    code === 0 || code === 1
      ? (JSON.parse(stdout) as { indexed: number; failed: number; skipped: number })
      : null;
  if (report === null || report.indexed === 0)
    throw new Error(`indexer reindex failed (${code}): ${stderr}`);
  return {
    seconds,
    peakRssMb,
    indexed: report.indexed,
    failed: report.failed,
    skipped: report.skipped,
  };
}

/** Alternates plain ingestion and the project's reindex `runs` times; medians and ratio. */
export async function measureReindex(options: {
  url: string;
  masterKey: string;
  paths: string[];
  runs: number;
  log: (line: string) => void;
}): Promise<ReindexResult> {
  const repository = new MeiliRepository({
    url: options.url,
    apiKey: options.masterKey,
    timeoutMs: 60_000,
  });
  const plainSeconds: number[] = [];
  const projectSeconds: number[] = [];
  let peak = 0;
  let documents = 0;
  let project = { indexed: 0, skipped: 0, failed: 0 };
  for (let run = 0; run < options.runs; run++) {
    const plain = await plainIngest(repository, 'plain', options.paths);
    plainSeconds.push(round(plain.seconds, 2));
    documents = plain.documents;
    options.log(`reindex run ${run + 1}: plain ingestion ${plain.seconds.toFixed(1)} s`);
    const result = await projectReindex({
      url: options.url,
      masterKey: options.masterKey,
      index: 'articles',
      paths: options.paths,
    });
    projectSeconds.push(round(result.seconds, 2));
    peak = Math.max(peak, result.peakRssMb);
    project = { indexed: result.indexed, skipped: result.skipped, failed: result.failed };
    options.log(
      `reindex run ${run + 1}: project reindex ${result.seconds.toFixed(1)} s, indexer peak RSS ${result.peakRssMb.toFixed(0)} MB`,
    );
  }
  const medianPlain = median(plainSeconds);
  const medianProject = median(projectSeconds);
  return {
    documents,
    project,
    runs: options.runs,
    plainSeconds,
    projectSeconds,
    medianPlainSeconds: round(medianPlain, 2),
    medianProjectSeconds: round(medianProject, 2),
    ratio: round(medianProject / medianPlain, 2),
    indexerPeakRssMb: round(peak, 0),
  };
}
