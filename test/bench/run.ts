import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalMeilisearchServer, MeiliRepository, statisticsIndexOf } from '@lib/search-core';
import { groupedBarsSvg, latencyCdfSvg } from './charts.js';
import { corpusFiles, corpusRecords } from './corpus.js';
import { MeiliDirect } from './meili-direct.js';
import { measureAnalysis, medianAnalysis, type AnalysisResult } from './parts/analysis.part.js';
import { measureIngest } from './parts/ingest.part.js';
import { measureCluster } from './parts/cluster.part.js';
import { measureLatency } from './parts/latency.part.js';
import { measureLexicon } from './parts/lexicon.part.js';
import { measureLoad } from './parts/load.part.js';
import { measurePrecision } from './parts/precision.part.js';
import { measureRelevance } from './parts/relevance.part.js';
import { measureReindex, projectReindex } from './parts/reindex.part.js';
import { measureWeb } from './parts/web.part.js';
import { workloadQueries } from './queries.js';
import { renderReport, type BenchResults } from './report.js';
import { SEARCH_API_NODE_FLAGS } from '../../apps/indexer/src/commands/serve.command.js';

const PARTS = [
  'analysis',
  'ingest',
  'lexicon',
  'reindex',
  'latency',
  'load',
  'relevance',
  'precision',
  'cluster',
  'web',
] as const;
type Part = (typeof PARTS)[number];
const CORPUS_DOCUMENTS = 32_539;
/** Analysis is timed this many times (each pass in a new process); the median pass is reported. */
const ANALYSIS_RUNS = 3;

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    corpus: { type: 'string', default: '../shared/corpus' },
    eval: { type: 'string', default: '../shared/eval-dev' },
    out: { type: 'string', default: 'test/bench/results' },
    worker: { type: 'string' },
    limit: { type: 'string' },
  },
});

const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

/** Runs a one-core part in its own process, so its memory is its own. */
function inWorker<T>(part: 'analysis' | 'ingest' | 'lexicon', limit: number): Promise<T> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      process.argv[1] ?? '',
      '--worker',
      part,
      '--corpus',
      values.corpus,
      '--limit',
      String(limit),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((done, fail) => {
    child.once('exit', (code) => {
      if (code === 0) done(JSON.parse(out) as T);
      else fail(new Error(`${part} worker exited with ${code}`));
    });
  });
}

async function worker(part: string): Promise<void> {
  const limit = Number(values.limit ?? Infinity);
  const result =
    part === 'analysis'
      ? await measureAnalysis({ corpus: values.corpus, limit, expected: CORPUS_DOCUMENTS })
      : part === 'lexicon'
        ? measureLexicon()
        : await measureIngest({ corpus: values.corpus });
  process.stdout.write(JSON.stringify(result));
}

/** A subset of the corpus as one JSON Lines file (quick mode). */
async function writeSubset(dir: string, limit: number): Promise<string> {
  const path = join(dir, 'subset.jsonl');
  const out = createWriteStream(path);
  for await (const record of corpusRecords(values.corpus, limit))
    out.write(`${JSON.stringify(record)}\n`);
  await new Promise((done) => out.end(done));
  return path;
}

async function startApi(
  url: string | { MEILI_URL: string } | { MEILI_SHARDS: string },
  key: string,
): Promise<{ url: string; child: ChildProcess }> {
  const meili = typeof url === 'string' ? { MEILI_URL: url } : url;
  const port = 3900 + Math.floor(Math.random() * 90);
  // Started as in production (the Dockerfile and `npm start`), heap capped.
  const child = spawn(
    process.execPath,
    [...SEARCH_API_NODE_FLAGS, 'dist/apps/search-api/src/main.js'],
    {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        ...meili,
        MEILI_API_KEY: key,
        MEILI_INDEX: 'articles',
        LOG_FORMAT: 'json',
        // One client sends every request here: the per-client limit would turn the load into 429s.
        RATE_LIMIT_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const apiUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${apiUrl}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url: apiUrl, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('search API did not become ready');
}

function selectedParts(): Part[] {
  if (values.only === undefined) return [...PARTS];
  const asked = values.only.split(',').map((p) => p.trim());
  const unknown = asked.filter((p) => !PARTS.includes(p as Part));
  if (unknown.length > 0)
    throw new Error(`unknown part(s): ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  return asked as Part[];
}

async function main(): Promise<void> {
  if (values.worker !== undefined) return worker(values.worker);
  const parts = selectedParts();
  const quick = values.quick;
  const limit = quick ? 3000 : Infinity;
  const results: BenchResults = {
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      date: new Date().toISOString(),
    },
    options: { quick, parts, corpus: values.corpus, documents: quick ? limit : 'all' },
  };
  if (parts.includes('analysis')) {
    const runs = quick ? 1 : ANALYSIS_RUNS;
    log(`analysis: one core over the corpus, ${runs} runs in fresh processes`);
    const all: AnalysisResult[] = [];
    for (let run = 0; run < runs; run++) all.push(await inWorker('analysis', limit));
    results.analysis = medianAnalysis(all);
  }
  if (parts.includes('ingest')) {
    log('ingest: the JSON Lines path');
    results.ingest = await inWorker('ingest', limit);
  }
  if (parts.includes('lexicon')) {
    log('lexicon: loading the compiled lexicon in a fresh process');
    results.lexicon = await inWorker('lexicon', limit);
  }
  const needsServer = parts.some(
    (p) =>
      p === 'reindex' || p === 'latency' || p === 'load' || p === 'relevance' || p === 'precision',
  );
  if (needsServer) await withServer(parts, results, quick, limit);
  if (parts.includes('cluster')) {
    const work = await mkdtemp(join(tmpdir(), 'bench-cluster-'));
    try {
      results.cluster = await measureCluster({
        work,
        paths: quick ? [await writeSubset(work, limit)] : await corpusFiles(values.corpus),
        queries: await workloadQueries(values.eval, quick ? 60 : 300),
        shards: 3,
        rounds: quick ? 1 : 2,
        connections: 32,
        seconds: quick ? 8 : 30,
        startApi,
        log,
      });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  if (parts.includes('web')) {
    log('web: the page in Chromium over the sample corpus, Enter to first results');
    results.web = await withSampleServer((apiUrl) =>
      measureWeb({ apiUrl, rounds: quick ? 3 : 10 }),
    );
  }
  await writeResults(results, parts);
}

async function withServer(
  parts: Part[],
  results: BenchResults,
  quick: boolean,
  limit: number,
): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'bench-'));
  const server = await LocalMeilisearchServer.startOrAttach({
    dataDir: join(work, 'meili'),
    environment: process.env,
  });
  let api: { url: string; child: ChildProcess } | undefined;
  try {
    const paths = quick ? [await writeSubset(work, limit)] : await corpusFiles(values.corpus);
    log(
      `reindex: ${quick ? `${limit} documents` : 'the whole corpus'}, plain ingestion and the project alternating`,
    );
    results.reindex = await measureReindex({
      url: server.url,
      masterKey: server.masterKey,
      paths,
      runs: quick ? 1 : 2,
      log,
    });
    const repository = new MeiliRepository({ url: server.url, apiKey: server.masterKey });
    const searchKey = await repository.ensureSearchKey('search-api', [
      'articles',
      statisticsIndexOf('articles'),
    ]);
    api = await startApi(server.url, searchKey);
    const meili = new MeiliDirect(server.url, server.masterKey);
    const queries = await workloadQueries(values.eval, quick ? 60 : 300);
    if (parts.includes('latency')) {
      log('latency: sequential, API against Meilisearch directly');
      results.latency = await measureLatency({
        apiUrl: api.url,
        meili,
        queries,
        rounds: quick ? 2 : 3,
      });
    }
    if (parts.includes('load')) {
      log('load: 32 connections per target');
      results.load = await measureLoad({
        apiUrl: api.url,
        apiPid: api.child.pid ?? 0,
        meili,
        queries,
        connections: 32,
        seconds: quick ? 8 : 60,
      });
    }
    if (parts.includes('relevance')) {
      log('relevance: eval-dev sets');
      results.relevance = await measureRelevance({ apiUrl: api.url, meili, evalDir: values.eval });
    }
    if (parts.includes('precision')) {
      log('precision: cross-lingual hits on their topic, top 10 per query');
      results.precision = await measurePrecision({ apiUrl: api.url });
    }
  } finally {
    api?.child.kill('SIGTERM');
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

/** A Meilisearch holding the sample corpus (indexed by the CLI) and the API in front of it. */
async function withSampleServer<T>(measure: (apiUrl: string) => Promise<T>): Promise<T> {
  const work = await mkdtemp(join(tmpdir(), 'bench-web-'));
  const server = await LocalMeilisearchServer.startOrAttach({
    dataDir: join(work, 'meili'),
    environment: process.env,
  });
  let api: { url: string; child: ChildProcess } | undefined;
  try {
    await projectReindex({
      url: server.url,
      masterKey: server.masterKey,
      index: 'articles',
      paths: ['indexing/samples'],
    });
    const repository = new MeiliRepository({ url: server.url, apiKey: server.masterKey });
    api = await startApi(
      server.url,
      await repository.ensureSearchKey('search-api', ['articles', statisticsIndexOf('articles')]),
    );
    return await measure(api.url);
  } finally {
    api?.child.kill('SIGTERM');
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

async function writeResults(results: BenchResults, parts: Part[]): Promise<void> {
  const dir = resolve(values.out, results.machine.date.replace(/[:.]/g, '-'));
  await mkdir(dir, { recursive: true });
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const { latency } = results;
  if (latency !== undefined) {
    await writeFile(
      join(dir, 'latency.svg'),
      latencyCdfSvg('Sequential search latency', [
        { name: 'API (with snippets)', samples: latency.samples.api },
        { name: 'Meilisearch directly', samples: latency.samples.direct },
      ]),
    );
  }
  if (results.relevance !== undefined) {
    const sets = Object.keys(results.relevance);
    const entries = Object.values(results.relevance);
    await writeFile(
      join(dir, 'relevance.svg'),
      groupedBarsSvg('nDCG@10 per eval-dev set', sets, [
        { name: 'project', values: entries.map((e) => e.project.ndcg10) },
        { name: 'plain Meilisearch', values: entries.map((e) => e.plain.ndcg10) },
      ]),
    );
  }
  const report = renderReport(results, command);
  await writeFile(join(dir, 'report.md'), report);
  await writeFile(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  for (const name of ['report.md', 'results.json'])
    await copyFile(join(dir, name), join(resolve(values.out), `latest-${name}`));
  process.stdout.write(report);
  log(`wrote ${dir} (parts: ${parts.join(', ')})`);
}

await main();
