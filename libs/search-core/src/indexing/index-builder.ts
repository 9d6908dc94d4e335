import type { Settings } from 'meilisearch';
import type { ArticleInput, CounterpartSource } from '../documents/article-document.js';
import { BuildVerificationError, ReindexAbortedError } from '../errors/search-core.error.js';
import {
  LockSet,
  singleNodeTargets,
  splitByShard,
  targetNodes,
  type IndexTargets,
  type TargetNode,
} from '../cluster/index-targets.js';
import type { MeiliRepository } from '../meili/meili.repository.js';
import { TermStatisticsBuilder } from '../ranking/term-statistics.js';
import {
  STATISTICS_INDEX_SETTINGS,
  statisticsIndexOf,
  writeTermStatistics,
} from '../ranking/term-statistics.store.js';
import { settingsMismatches } from '../settings/settings-check.js';
import { BatchWriter, type RejectedDocument } from './batch-writer.js';
import { documentBatches, type DocumentBatch } from './document-batches.js';
import type { IndexLockOptions } from './index-lock.js';

/** Where a run is, for a progress display that follows Meilisearch to the swap. */
export interface IndexProgress {
  phase: 'indexing' | 'verifying' | 'swapping';
  /** Documents handed to Meilisearch. */
  sent: number;
  /** Documents Meilisearch has indexed, counting the share done of the batch in progress. */
  indexed: number;
}

/** What a reindex is asked to do. */
export interface ReindexOptions {
  /** The live index uid that search reads, e.g. "articles". */
  liveIndex: string;
  settings: Settings;
  records: AsyncIterable<ArticleInput> | Iterable<ArticleInput>;
  batchBytes?: number;
  /** Carries each article's terms into the other language, for cross-lingual search. */
  counterparts?: CounterpartSource;
  /** Where a record came from (`file:line`), for the error line of a rejected document. */
  originOf?: (record: ArticleInput) => string | undefined;
  /** Told of each document Meilisearch refused; the others are indexed. */
  onRejected?: (rejected: RejectedDocument) => void;
  /** Told as documents are sent and indexed, and of each later phase. */
  onProgress?: (progress: IndexProgress) => void;
  /** Waiting for another run's lock, and its expiry. */
  lock?: Pick<IndexLockOptions, 'ttlMs' | 'wait' | 'onWait'>;
  /** Aborts (Ctrl-C) within a poll: Meilisearch's tasks are canceled, the build removed. */
  signal?: AbortSignal;
}

/** What a reindex did. */
export interface ReindexResult {
  liveIndex: string;
  /** The uid the new data was built under before the swap. */
  buildIndex: string;
  documents: number;
  rejected: number;
  durationMs: number;
  /** Half-built indexes of earlier runs that died before cleaning up, removed. */
  removedStale: string[];
}

/** Batches enqueued in Meilisearch at once while the next one is analyzed. */
const MAX_IN_FLIGHT = 2;
/** Progress asks Meilisearch for the share of its current batch at most this often. */
const PROGRESS_POLL_MS = 1_000;

/** Uid pattern of build indexes, `<live>_<unix ms>`, and of their term statistics. */
function buildIndexPattern(liveIndex: string): RegExp {
  const built = `${liveIndex.replace(/[^A-Za-z0-9]/g, '\\$&')}_\\d{13}`;
  return new RegExp(`^(${built}|${statisticsIndexOf(built)})$`);
}

/** The name of the indexer's writer key of a live index. */
export function writerKeyName(liveIndex: string): string {
  return `indexer writer of ${liveIndex}`;
}

/** A node's part of a build: its admin connection and its document-writing one. */
interface BuildNode extends TargetNode {
  writer: MeiliRepository;
}

/**
 * Zero-downtime reindex, one run at a time per live index (an IndexLock on every node):
 * removes builds of dead runs, creates `<live>_<timestamp>` with its settings on every node,
 * fills each shard's nodes with the articles whose keys route to it, through a key that cannot
 * create indexes (a write never re-creates a build deleted under it), checks every build's
 * settings and document count against what was intended, writes the term statistics of the
 * whole corpus next to each build, checks the locks are still held, swaps each build and its
 * statistics with the live index and the live statistics in one atomic swap per node, and
 * deletes the old data. Search keeps answering from the live index throughout; on failure or
 * abort every live index is left as it was (a swap done on some nodes is swapped back) and
 * the builds are removed.
 */
export class IndexBuilder {
  private readonly targets: IndexTargets;

  /** Builds on the given shards' nodes, or on one node. */
  constructor(targets: IndexTargets | MeiliRepository) {
    this.targets = 'shards' in targets ? targets : singleNodeTargets(targets);
  }

  /** Runs a full reindex; see the class comment. */
  async reindex(options: ReindexOptions): Promise<ReindexResult> {
    const started = Date.now();
    const live = options.liveIndex;
    const locks = await LockSet.acquire(this.targets, live, {
      purpose: 'reindex',
      ...options.lock,
      signal: options.signal,
    });
    try {
      return await this.build(options, started, await this.removeStaleBuilds(live), locks);
    } finally {
      await locks.release();
    }
  }

  /** Removes build indexes of runs that died; called only under the lock, when none is live. */
  private async removeStaleBuilds(liveIndex: string): Promise<string[]> {
    const pattern = buildIndexPattern(liveIndex);
    const removed = new Set<string>();
    for (const { repository } of targetNodes(this.targets)) {
      const stale = (await repository.listIndexes(liveIndex)).filter((uid) => pattern.test(uid));
      for (const uid of stale) {
        await repository.deleteIndex(uid);
        removed.add(uid);
      }
    }
    return [...removed];
  }

  private async build(
    options: ReindexOptions,
    started: number,
    removedStale: string[],
    locks: LockSet,
  ): Promise<ReindexResult> {
    const live = options.liveIndex;
    const buildIndex = `${live}_${started}`;
    const buildStatistics = statisticsIndexOf(buildIndex);
    const liveStatistics = statisticsIndexOf(live);
    const nodes: BuildNode[] = [];
    for (const node of targetNodes(this.targets))
      nodes.push({ ...node, writer: await node.repository.writer(writerKeyName(live), live) });
    const statistics = new TermStatisticsBuilder();
    const swapped: BuildNode[] = [];
    let filled: { indexed: number; rejected: number };
    try {
      for (const node of nodes) await node.repository.createIndex(buildIndex, options.settings);
      const fill = await this.fill(buildIndex, nodes, options, locks, statistics);
      filled = { indexed: fill.indexed.size, rejected: fill.rejected };
      if (filled.indexed === 0)
        throw new ReindexAbortedError('no documents to index: the live index is left unchanged');
      options.onProgress?.({ phase: 'verifying', sent: filled.indexed, indexed: filled.indexed });
      const built = statistics.build();
      for (const node of nodes) {
        await this.verify(node, buildIndex, fill.perNode.get(node.name) ?? 0, options.settings);
        await node.repository.createIndex(buildStatistics, STATISTICS_INDEX_SETTINGS);
        await writeTermStatistics(node.writer, buildStatistics, built, buildIndex);
      }
      await locks.assertHeld();
      options.signal?.throwIfAborted();
      options.onProgress?.({ phase: 'swapping', sent: filled.indexed, indexed: filled.indexed });
      for (const { repository } of nodes) {
        if ((await repository.summary(live)) === null)
          await repository.createIndex(live, options.settings);
        if ((await repository.summary(liveStatistics)) === null)
          await repository.createIndex(liveStatistics, STATISTICS_INDEX_SETTINGS);
      }
      for (const node of nodes) {
        await node.repository.swapIndexes([
          [live, buildIndex],
          [liveStatistics, buildStatistics],
        ]);
        swapped.push(node);
      }
    } catch (error) {
      // A swap is its own inverse: the nodes already swapped get their old live index back.
      // Where that fails, the build's name holds the old data: it is kept, and named.
      const unrestored: string[] = [];
      for (const node of swapped) {
        await node.repository
          .swapIndexes([
            [live, buildIndex],
            [liveStatistics, buildStatistics],
          ])
          .catch(() => unrestored.push(node.name));
      }
      for (const node of nodes.filter((n) => !unrestored.includes(n.name))) {
        await this.discard(node.repository, buildIndex);
        await this.discard(node.repository, buildStatistics);
      }
      if (unrestored.length > 0) {
        throw new BuildVerificationError(
          `reindex failed after swapping ${unrestored.join(', ')}, which could not be swapped back: they serve the new data and keep the old under ${buildIndex}`,
          { cause: error },
        );
      }
      if (options.signal?.aborted === true && !(error instanceof ReindexAbortedError)) {
        throw new ReindexAbortedError('reindex interrupted: the live index is left unchanged', {
          cause: options.signal.reason,
        });
      }
      throw error;
    }
    // The swap is done: the old data under the build's names is removed, or by the next run.
    for (const { repository } of nodes) {
      await repository.deleteIndex(buildIndex).catch(() => undefined);
      await repository.deleteIndex(buildStatistics).catch(() => undefined);
    }
    return {
      liveIndex: live,
      buildIndex,
      documents: filled.indexed,
      rejected: filled.rejected,
      durationMs: Date.now() - started,
      removedStale,
    };
  }

  /** Cancels what Meilisearch still does for the build, then deletes it. */
  private async discard(repository: MeiliRepository, buildIndex: string): Promise<void> {
    await repository.cancelTasks(buildIndex).catch(() => undefined);
    await repository.deleteIndex(buildIndex).catch(() => undefined);
  }

  /**
   * Sends batches while Meilisearch indexes the previous ones: at most MAX_IN_FLIGHT batches are
   * enqueued, so analysis overlaps indexing and memory stays bounded. Each batch is split by
   * shard and each part sent to every node of its shard; the first node of a shard reports
   * rejected documents, every node counts what it holds.
   */
  private async fill(
    uid: string,
    nodes: BuildNode[],
    options: ReindexOptions,
    locks: LockSet,
    statistics: TermStatisticsBuilder,
  ): Promise<{ indexed: Set<string>; rejected: number; perNode: Map<string, number> }> {
    const keys = new Set<string>();
    const held = new Map(nodes.map((node) => [node.name, new Set<string>()]));
    const primaries = new Set(this.targets.shards.map((shard) => shard.nodes[0]?.name));
    let filling = true;
    let sent = 0;
    let rejected = 0;
    let lastShareAsked = 0;
    const inFlight: Array<{
      size: number;
      parts: Array<{ node: BuildNode; part: DocumentBatch; taskUid: number }>;
    }> = [];
    const report = (share = 0): void => {
      const current = inFlight[0]?.size ?? 0;
      options.onProgress?.({
        phase: 'indexing',
        sent,
        indexed: keys.size + Math.round(share * current),
      });
    };
    const onPoll = (): void => {
      if (Date.now() - lastShareAsked < PROGRESS_POLL_MS) return;
      lastShareAsked = Date.now();
      // A late answer after the last batch must not report indexing over a later phase.
      void nodes[0]?.repository
        .processingShare(uid)
        .then((share) => {
          if (filling) report(share ?? 0);
        })
        .catch(() => undefined);
    };
    const writers = new Map(
      nodes.map((node) => [
        node.name,
        new BatchWriter(node.writer, uid, { signal: options.signal, onPoll }),
      ]),
    );
    const writerOf = (node: BuildNode): BatchWriter => {
      const writer = writers.get(node.name);
      if (writer === undefined) throw new Error(`no writer for ${node.name}`);
      return writer;
    };
    const settle = async (): Promise<void> => {
      const oldest = inFlight[0];
      if (oldest === undefined) return;
      for (const { node, part, taskUid } of oldest.parts) {
        const outcome = await writerOf(node).settle(part, taskUid);
        for (const key of outcome.indexed) held.get(node.name)?.add(key);
        if (!primaries.has(node.name)) continue;
        for (const key of outcome.indexed) keys.add(key);
        for (const document of outcome.rejected) {
          rejected++;
          options.onRejected?.(document);
        }
      }
      inFlight.shift();
      report();
    };
    for await (const batch of documentBatches(options.records, {
      maxBytes: options.batchBytes,
      counterparts: options.counterparts,
      originOf: options.originOf,
      signal: options.signal,
      onTermBag: (bag) => {
        statistics.add(bag);
      },
    })) {
      locks.ensureHeld();
      const parts: Array<{ node: BuildNode; part: DocumentBatch; taskUid: number }> = [];
      for (const [shard, part] of splitByShard(this.targets, batch)) {
        for (const node of nodes.filter((n) => shard.nodes.some((s) => s.name === n.name)))
          parts.push({ node, part, taskUid: await writerOf(node).enqueue(part) });
      }
      inFlight.push({ size: batch.keys.length, parts });
      sent += batch.keys.length;
      report();
      if (inFlight.length >= MAX_IN_FLIGHT) await settle();
    }
    while (inFlight.length > 0) await settle();
    filling = false;
    return {
      indexed: keys,
      rejected,
      perNode: new Map([...held].map(([name, set]) => [name, set.size])),
    };
  }

  /** The build must hold exactly the indexed documents, with the intended settings in force. */
  private async verify(
    node: TargetNode,
    uid: string,
    expected: number,
    settings: Settings,
  ): Promise<void> {
    const actual = (await node.repository.summary(uid))?.documents ?? 0;
    if (actual !== expected) {
      throw new BuildVerificationError(
        `index ${uid} holds ${actual} documents, expected ${expected}: not swapped`,
      );
    }
    const mismatched = settingsMismatches(settings, await node.repository.getSettings(uid));
    if (mismatched.length > 0) {
      throw new BuildVerificationError(
        `index ${uid} does not have the intended settings (${mismatched.join(', ')}): not swapped`,
      );
    }
  }
}
