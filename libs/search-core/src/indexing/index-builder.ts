import type { Settings } from 'meilisearch';
import type { ArticleInput, CounterpartTerms } from '../documents/article-document.js';
import { MeilisearchTaskError, ReindexAbortedError } from '../errors/search-core.error.js';
import type { MeiliRepository } from '../meili/meili.repository.js';
import { documentBatches, DEFAULT_BATCH_BYTES } from './document-batches.js';

/** What a reindex is asked to do. */
export interface ReindexOptions {
  /** The live index uid that search reads, e.g. "articles". */
  liveIndex: string;
  settings: Settings;
  records: AsyncIterable<ArticleInput> | Iterable<ArticleInput>;
  batchBytes?: number;
  /** Carries each article's terms into the other language, for cross-lingual search. */
  counterpartsOf?: CounterpartTerms;
  /** Called after each batch is indexed. */
  onBatch?: (progress: { documents: number; batches: number }) => void;
  /** Aborts between batches (Ctrl-C); the build index is removed and the live one kept. */
  signal?: AbortSignal;
}

/** What a reindex did. */
export interface ReindexResult {
  liveIndex: string;
  /** The uid the new data was built under before the swap. */
  buildIndex: string;
  documents: number;
  durationMs: number;
  /** Half-built indexes of earlier failed runs that were removed. */
  removedStale: string[];
}

/** Batches enqueued in Meilisearch at once while the next one is analyzed. */
const MAX_IN_FLIGHT = 2;

/** Uid pattern of build indexes: `<live>_<unix ms>`. */
function buildIndexPattern(liveIndex: string): RegExp {
  return new RegExp(`^${liveIndex.replace(/[^A-Za-z0-9]/g, '\\$&')}_\\d{13}$`);
}

/**
 * Zero-downtime reindex: builds `<live>_<timestamp>` with settings applied first, fills it batch
 * by batch (each task awaited, the first failure stops the run), verifies the document count,
 * swaps it with the live index atomically and deletes the old data. Search keeps answering from
 * the live index throughout; on failure the live index is untouched and the build index removed.
 */
export class IndexBuilder {
  constructor(private readonly repository: MeiliRepository) {}

  /** Removes build indexes left by runs that died before cleaning up. */
  async removeStaleBuilds(liveIndex: string): Promise<string[]> {
    const pattern = buildIndexPattern(liveIndex);
    const stale = (await this.repository.listIndexes(liveIndex)).filter((uid) => pattern.test(uid));
    for (const uid of stale) await this.repository.deleteIndex(uid);
    return stale;
  }

  /** Runs a full reindex; see the class comment. */
  async reindex(options: ReindexOptions): Promise<ReindexResult> {
    const started = Date.now();
    const removedStale = await this.removeStaleBuilds(options.liveIndex);
    const buildIndex = `${options.liveIndex}_${started}`;
    await this.repository.createIndex(buildIndex, options.settings);
    try {
      const documents = await this.fill(buildIndex, options);
      if (documents === 0)
        throw new ReindexAbortedError('no documents to index: the live index is left unchanged');
      options.signal?.throwIfAborted();
      await this.verifyCount(buildIndex, documents);
      if ((await this.repository.summary(options.liveIndex)) === null) {
        await this.repository.createIndex(options.liveIndex, options.settings);
      }
      await this.repository.swapIndexes(options.liveIndex, buildIndex);
      await this.repository.deleteIndex(buildIndex);
      return {
        liveIndex: options.liveIndex,
        buildIndex,
        documents,
        durationMs: Date.now() - started,
        removedStale,
      };
    } catch (error) {
      await this.repository.deleteIndex(buildIndex).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Sends batches while Meilisearch indexes the previous ones: at most MAX_IN_FLIGHT tasks are
   * enqueued, so analysis overlaps indexing and memory stays bounded. A failed task stops the run.
   */
  private async fill(uid: string, options: ReindexOptions): Promise<number> {
    const keys = new Set<string>();
    const inFlight: Array<{ taskUid: number; size: number }> = [];
    let batches = 0;
    const settle = async (): Promise<void> => {
      const oldest = inFlight.shift();
      if (oldest === undefined) return;
      await this.repository.waitForTask(
        oldest.taskUid,
        `adding ${oldest.size} documents to ${uid}`,
      );
      options.onBatch?.({ documents: keys.size, batches: ++batches });
    };
    for await (const batch of documentBatches(
      options.records,
      options.batchBytes ?? DEFAULT_BATCH_BYTES,
      options.counterpartsOf,
    )) {
      if (options.signal?.aborted === true) {
        throw new ReindexAbortedError('reindex interrupted: the live index is left unchanged', {
          cause: options.signal.reason,
        });
      }
      inFlight.push({
        taskUid: await this.repository.enqueueNdjson(uid, batch.payload),
        size: batch.keys.length,
      });
      for (const key of batch.keys) keys.add(key);
      if (inFlight.length >= MAX_IN_FLIGHT) await settle();
    }
    while (inFlight.length > 0) await settle();
    return keys.size;
  }

  private async verifyCount(uid: string, expected: number): Promise<void> {
    const actual = (await this.repository.summary(uid))?.documents ?? 0;
    if (actual !== expected) {
      throw new MeilisearchTaskError(
        `index ${uid} holds ${actual} documents, expected ${expected}`,
      );
    }
  }
}
