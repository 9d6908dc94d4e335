import { MeilisearchTaskError } from '../errors/search-core.error.js';
import type { MeiliRepository, TaskWait } from '../meili/meili.repository.js';
import { payloadOf, type DocumentBatch } from './document-batches.js';

/** A document Meilisearch refused, found by splitting its batch. */
export interface RejectedDocument {
  key: string;
  /** `file:line` where known. */
  origin: string | undefined;
  /** Meilisearch's reason. */
  reason: string;
}

/** What became of a batch. */
export interface BatchOutcome {
  indexed: string[];
  rejected: RejectedDocument[];
}

/**
 * Failures that no document of a batch causes: the index is gone, the disk is full, the task
 * was canceled. Splitting the batch would only fail again, so they end the run. Every other
 * failure is taken for a bad document, including Meilisearch's `internal` one for a lone
 * surrogate escape in the payload.
 */
const NOT_A_DOCUMENT = new Set([
  'index_not_found',
  'no_space_left_on_device',
  'database_size_limit_reached',
  'too_many_open_files',
  'io_error',
  'canceled',
  'task_canceled',
]);

/** A run with more rejected documents than this is stopped: something else is wrong. */
const MAX_REJECTED = 1_000;

/**
 * Writes batches of documents into an index, one Meilisearch task each. When Meilisearch
 * rejects a batch (it fails a whole task for one bad document), the batch is split in halves
 * until the bad documents stand alone: each is reported with its origin and every other
 * document is indexed. The halves are sent after any batch already enqueued behind the failed
 * one, so where one id appears in both (an input that repeats an id), the earlier version may
 * win; ids repeated across a run's input are rare enough that this is not ordered back.
 */
export class BatchWriter {
  private rejectedCount = 0;

  constructor(
    private readonly writer: MeiliRepository,
    private readonly uid: string,
    private readonly wait: TaskWait = {},
  ) {}

  /** Enqueues a batch without waiting; returns the task uid. */
  enqueue(batch: Pick<DocumentBatch, 'lines'>): Promise<number> {
    return this.writer.enqueueNdjson(this.uid, payloadOf(batch));
  }

  /** Waits for the batch's task and isolates rejected documents when it failed. */
  async settle(batch: DocumentBatch, taskUid: number): Promise<BatchOutcome> {
    const what = `adding ${batch.keys.length} documents to ${this.uid}`;
    const outcome = await this.writer.taskOutcome(taskUid, what, this.wait);
    if (outcome.succeeded) return { indexed: batch.keys, rejected: [] };
    if (NOT_A_DOCUMENT.has(outcome.code ?? '')) {
      throw new MeilisearchTaskError(`${what} failed: ${outcome.message ?? outcome.code ?? ''}`);
    }
    if (batch.keys.length === 1) return this.reject(batch, outcome.message ?? 'rejected');
    const middle = Math.ceil(batch.keys.length / 2);
    const halves = [slice(batch, 0, middle), slice(batch, middle, batch.keys.length)];
    const result: BatchOutcome = { indexed: [], rejected: [] };
    for (const half of halves) {
      const part = await this.settle(half, await this.enqueue(half));
      result.indexed.push(...part.indexed);
      result.rejected.push(...part.rejected);
    }
    return result;
  }

  private reject(batch: DocumentBatch, reason: string): BatchOutcome {
    this.rejectedCount++;
    if (this.rejectedCount > MAX_REJECTED) {
      throw new MeilisearchTaskError(
        `Meilisearch rejected more than ${MAX_REJECTED} documents of ${this.uid}; the last: ${reason}`,
      );
    }
    return {
      indexed: [],
      rejected: [
        {
          key: batch.keys[0] ?? '',
          origin: batch.origins[0],
          reason: `Meilisearch rejected the document: ${reason}`,
        },
      ],
    };
  }
}

function slice(batch: DocumentBatch, start: number, end: number): DocumentBatch {
  return {
    lines: batch.lines.slice(start, end),
    keys: batch.keys.slice(start, end),
    origins: batch.origins.slice(start, end),
  };
}
