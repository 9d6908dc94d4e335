import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  LocalMeilisearchServer,
  MeiliRepository,
  requestJson,
  statisticsIndexOf,
} from '@lib/search-core';
import { SEARCH_KEY_NAME } from '../../../apps/indexer/src/commands/search-key.js';
import { LocalCluster } from '../../support/cluster.js';
import { meilisearchPid, rssMb } from '../process-memory.js';
import { median, percentile, round } from '../stats.js';
import { run, type LoadFigures } from './load.part.js';
import { projectReindex } from './reindex.part.js';

/** One deployment's figures: a single node, or the shards. */
export interface DeploymentFigures {
  nodes: number;
  reindexSeconds: number;
  indexerPeakRssMb: number;
  /** Sequential search through the API (translate=false), after a warm-up round. */
  latency: { medianMs: number; p95Ms: number };
  load: LoadFigures;
  /**
   * Bytes of each node's database in use, and its resident memory after the load (which counts
   * the pages of the memory-mapped database that were read).
   */
  databaseBytes: number[];
  meiliRssMb: number[];
}

/** How alike the first pages of one node and of the shards are, over the workload queries. */
export interface Agreement {
  queries: number;
  /** Share of queries whose top 10 holds the same articles (in any order). */
  sameTop10: number;
  /** Mean share of one node's top 10 that the shards' top 10 holds too. */
  meanOverlap: number;
}

/** One Meilisearch node against the same corpus in shards, in the same run. */
export interface ClusterResult {
  documents: number;
  connections: number;
  seconds: number;
  single: DeploymentFigures;
  sharded: DeploymentFigures;
  /** Database bytes per article, all nodes together, of each deployment. */
  bytesPerArticle: { single: number; sharded: number };
  agreement: Agreement;
}

/** How the bench starts a search API: on one node's URL or on MEILI_SHARDS. */
export type StartApi = (
  meili: { MEILI_URL: string } | { MEILI_SHARDS: string },
  key: string,
) => Promise<{ url: string; child: ChildProcess }>;

/** Sequential searches; the first round warms caches up and is not timed but gives the pages. */
async function sequential(
  apiUrl: string,
  queries: string[],
  rounds: number,
): Promise<{ times: number[]; pages: string[][] }> {
  const times: number[] = [];
  const pages: string[][] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const q of queries) {
      const started = performance.now();
      const response = await requestJson(
        new URL(`/api/v1/search?${new URLSearchParams({ q, translate: 'false' })}`, apiUrl),
      );
      if (response.status !== 200) throw new Error(`API answered ${response.status} for ${q}`);
      if (round > 0) times.push(performance.now() - started);
      else pages.push((response.body as { hits: Array<{ id: string }> }).hits.map((h) => h.id));
    }
  }
  return { times, pages };
}

function agreement(one: string[][], shards: string[][]): Agreement {
  const overlaps = one.map((page, i) => {
    const other = new Set(shards[i] ?? []);
    return page.length === 0 ? 1 : page.filter((id) => other.has(id)).length / page.length;
  });
  const same = one.filter(
    (page, i) => page.length === (shards[i]?.length ?? 0) && (overlaps[i] ?? 0) === 1,
  ).length;
  return {
    queries: one.length,
    sameTop10: round(same / Math.max(one.length, 1), 3),
    meanOverlap: round(overlaps.reduce((sum, o) => sum + o, 0) / Math.max(one.length, 1), 3),
  };
}

async function deployment(options: {
  nodes: LocalMeilisearchServer[];
  masterKey: string;
  meili: { MEILI_URL: string } | { MEILI_SHARDS: string };
  paths: string[];
  queries: string[];
  rounds: number;
  connections: number;
  seconds: number;
  startApi: StartApi;
}): Promise<{ figures: DeploymentFigures; documents: number; pages: string[][] }> {
  const reindex = await projectReindex({
    url: 'MEILI_URL' in options.meili ? options.meili.MEILI_URL : '',
    masterKey: options.masterKey,
    index: 'articles',
    paths: options.paths,
    env: 'MEILI_SHARDS' in options.meili ? { MEILI_SHARDS: options.meili.MEILI_SHARDS } : {},
  });
  const admins = options.nodes.map(
    (node) => new MeiliRepository({ url: node.url, apiKey: options.masterKey }),
  );
  // The indexer made the key on every node, the same value everywhere.
  const key = await admins[0]?.ensureSearchKey(SEARCH_KEY_NAME, [
    'articles',
    statisticsIndexOf('articles'),
  ]);
  if (key === undefined) throw new Error('no node');
  const api = await options.startApi(options.meili, key);
  try {
    const { times, pages } = await sequential(api.url, options.queries, options.rounds);
    const pids = options.nodes.map((node) => meilisearchPid(node.url));
    const load = await run(
      api.url,
      options.queries.map((q) => ({
        method: 'GET' as const,
        path: `/api/v1/search?${new URLSearchParams({ q, translate: 'false' })}`,
      })),
      {
        connections: options.connections,
        seconds: options.seconds,
        apiPid: api.child.pid ?? 0,
        meiliPid: pids,
      },
    );
    return {
      documents: reindex.indexed,
      pages,
      figures: {
        nodes: options.nodes.length,
        reindexSeconds: round(reindex.seconds, 1),
        indexerPeakRssMb: reindex.peakRssMb,
        latency: { medianMs: round(median(times)), p95Ms: round(percentile(times, 95)) },
        load,
        databaseBytes: await Promise.all(admins.map((admin) => admin.usedDatabaseSize())),
        meiliRssMb: pids.map((pid) => round(pid === null ? 0 : (rssMb(pid) ?? 0), 0)),
      },
    };
  } finally {
    api.child.kill('SIGTERM');
  }
}

/**
 * The same corpus on one Meilisearch node and on `shards` nodes (one shard each) on this
 * machine: reindex time, sequential latency and 32-connection throughput through the API,
 * and the size and memory of each node. On one machine the shards share its cores: this
 * measures what fanning out costs, not what more machines would give.
 */
export async function measureCluster(options: {
  work: string;
  paths: string[];
  queries: string[];
  shards: number;
  rounds: number;
  connections: number;
  seconds: number;
  startApi: StartApi;
  log: (line: string) => void;
}): Promise<ClusterResult> {
  /** Starts `count` nodes, measures the deployment on them, stops them. */
  const measureOn = async (
    name: string,
    count: number,
    meiliOf: (cluster: LocalCluster) => { MEILI_URL: string } | { MEILI_SHARDS: string },
  ): Promise<Awaited<ReturnType<typeof deployment>>> => {
    const cluster = await LocalCluster.start(join(options.work, name), count);
    try {
      options.log(`cluster: ${name}, reindex, latency and load`);
      return await deployment({
        ...options,
        nodes: cluster.nodes,
        masterKey: cluster.masterKey,
        meili: meiliOf(cluster),
      });
    } finally {
      await cluster.stopAll();
    }
  };
  const one = await measureOn('one node', 1, (cluster) => ({
    MEILI_URL: cluster.nodes[0]?.url ?? '',
  }));
  const many = await measureOn(`${String(options.shards)} shards`, options.shards, (cluster) => ({
    MEILI_SHARDS: cluster.shards,
  }));
  const perArticle = (figures: DeploymentFigures, documents: number): number =>
    round(figures.databaseBytes.reduce((sum, bytes) => sum + bytes, 0) / documents, 0);
  return {
    documents: one.documents,
    connections: options.connections,
    seconds: options.seconds,
    single: one.figures,
    sharded: many.figures,
    bytesPerArticle: {
      single: perArticle(one.figures, one.documents),
      sharded: perArticle(many.figures, many.documents),
    },
    agreement: agreement(one.pages, many.pages),
  };
}
