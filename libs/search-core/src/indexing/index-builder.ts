import type { Settings } from 'meilisearch';
import type { ArticleInput, CounterpartSource } from '../documents/article-document.js';
import { BuildVerificationError, ReindexAbortedError } from '../errors/search-core.error.js';
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
import { IndexLock, type IndexLockOptions } from './index-lock.js';

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

/**
 * Zero-downtime reindex, one run at a time per live index (IndexLock): removes builds of dead
 * runs, creates `<live>_<timestamp>` with its settings, fills it through a key that cannot
 * create indexes (a write never re-creates a build deleted under it), checks the build's
 * settings and document count against what was intended, checks the lock is still held,
 * swaps it and its term statistics with the live index and the live statistics in one atomic
 * swap, and deletes the old data. Search keeps answering
 * from the live index throughout; on failure or abort the live index is untouched and the
 * build removed.
 */
export class IndexBuilder {
  constructor(private readonly repository: MeiliRepository) {}

  /** Runs a full reindex; see the class comment. */
  async reindex(options: ReindexOptions): Promise<ReindexResult> {
    const started = Date.now();
    const live = options.liveIndex;
    const lock = await IndexLock.acquire(this.repository, live, {
      purpose: 'reindex',
      ...options.lock,
      signal: options.signal,
    });
    try {
      return await this.build(options, started, await this.removeStaleBuilds(live), lock);
    } finally {
      await lock.release();
    }
  }

  /** Removes build indexes of runs that died; called only under the lock, when none is live. */
  private async removeStaleBuilds(liveIndex: string): Promise<string[]> {
    const pattern = buildIndexPattern(liveIndex);
    const stale = (await this.repository.listIndexes(liveIndex)).filter((uid) => pattern.test(uid));
    for (const uid of stale) await this.repository.deleteIndex(uid);
    return stale;
  }

  private async build(
    options: ReindexOptions,
    started: number,
    removedStale: string[],
    lock: IndexLock,
  ): Promise<ReindexResult> {
    const live = options.liveIndex;
    const buildIndex = `${live}_${started}`;
    const buildStatistics = statisticsIndexOf(buildIndex);
    const writer = await this.repository.writer(writerKeyName(live), live);
    const statistics = new TermStatisticsBuilder();
    let filled: { indexed: number; rejected: number };
    try {
      await this.repository.createIndex(buildIndex, options.settings);
      filled = await this.fill(buildIndex, writer, options, lock, statistics);
      const { indexed } = filled;
      if (indexed === 0)
        throw new ReindexAbortedError('no documents to index: the live index is left unchanged');
      options.onProgress?.({ phase: 'verifying', sent: indexed, indexed });
      await this.verify(buildIndex, indexed, options.settings);
      await this.repository.createIndex(buildStatistics, STATISTICS_INDEX_SETTINGS);
      await writeTermStatistics(writer, buildStatistics, statistics.build(), buildIndex);
      await lock.assertHeld();
      options.signal?.throwIfAborted();
      options.onProgress?.({ phase: 'swapping', sent: indexed, indexed });
      if ((await this.repository.summary(live)) === null) {
        await this.repository.createIndex(live, options.settings);
      }
      const liveStatistics = statisticsIndexOf(live);
      if ((await this.repository.summary(liveStatistics)) === null) {
        await this.repository.createIndex(liveStatistics, STATISTICS_INDEX_SETTINGS);
      }
      await this.repository.swapIndexes([
        [live, buildIndex],
        [liveStatistics, buildStatistics],
      ]);
    } catch (error) {
      await this.discard(buildIndex);
      await this.discard(buildStatistics);
      if (options.signal?.aborted === true && !(error instanceof ReindexAbortedError)) {
        throw new ReindexAbortedError('reindex interrupted: the live index is left unchanged', {
          cause: options.signal.reason,
        });
      }
      throw error;
    }
    // The swap is done: the old data under the build's names is removed, or by the next run.
    await this.repository.deleteIndex(buildIndex).catch(() => undefined);
    await this.repository.deleteIndex(buildStatistics).catch(() => undefined);
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
  private async discard(buildIndex: string): Promise<void> {
    await this.repository.cancelTasks(buildIndex).catch(() => undefined);
    await this.repository.deleteIndex(buildIndex).catch(() => undefined);
  }

  /**
   * Sends batches while Meilisearch indexes the previous ones: at most MAX_IN_FLIGHT tasks are
   * enqueued, so analysis overlaps indexing and memory stays bounded.
   */
  private async fill(
    uid: string,
    writer: MeiliRepository,
    options: ReindexOptions,
    lock: IndexLock,
    statistics: TermStatisticsBuilder,
  ): Promise<{ indexed: number; rejected: number }> {
    const keys = new Set<string>();
    let filling = true;
    let sent = 0;
    let rejected = 0;
    let lastShareAsked = 0;
    const inFlight: Array<{ batch: DocumentBatch; taskUid: number }> = [];
    const report = (share = 0): void => {
      const current = inFlight[0]?.batch.keys.length ?? 0;
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
      void this.repository
        .processingShare(uid)
        .then((share) => {
          if (filling) report(share ?? 0);
        })
        .catch(() => undefined);
    };
    const batches = new BatchWriter(writer, uid, { signal: options.signal, onPoll });
    const settle = async (): Promise<void> => {
      const oldest = inFlight[0];
      if (oldest === undefined) return;
      const outcome = await batches.settle(oldest.batch, oldest.taskUid);
      inFlight.shift();
      for (const key of outcome.indexed) keys.add(key);
      for (const document of outcome.rejected) {
        rejected++;
        options.onRejected?.(document);
      }
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
      lock.ensureHeld();
      inFlight.push({ batch, taskUid: await batches.enqueue(batch) });
      sent += batch.keys.length;
      report();
      if (inFlight.length >= MAX_IN_FLIGHT) await settle();
    }
    while (inFlight.length > 0) await settle();
    filling = false;
    return { indexed: keys.size, rejected };
  }

  /** The build must hold exactly the indexed documents, with the intended settings in force. */
  private async verify(uid: string, expected: number, settings: Settings): Promise<void> {
    const actual = (await this.repository.summary(uid))?.documents ?? 0;
    if (actual !== expected) {
      throw new BuildVerificationError(
        `index ${uid} holds ${actual} documents, expected ${expected}: not swapped`,
      );
    }
    const mismatched = settingsMismatches(settings, await this.repository.getSettings(uid));
    if (mismatched.length > 0) {
      throw new BuildVerificationError(
        `index ${uid} does not have the intended settings (${mismatched.join(', ')}): not swapped`,
      );
    }
  }
}
