import {
  Meilisearch,
  type SearchParams,
  type SearchResponse,
  type Settings,
  type EnqueuedTask,
  type Task,
} from 'meilisearch';
import type { StoredArticle } from '../documents/article-document.js';
import {
  DocumentNotFoundError,
  IndexNotFoundError,
  MeilisearchTaskError,
  MeilisearchUnavailableError,
} from '../errors/search-core.error.js';
import { withTypedErrors } from './meili-errors.js';
import { meiliHttpClient } from './node-http.client.js';

/** How to reach Meilisearch. */
export interface MeiliConnection {
  url: string;
  apiKey: string;
  /** Per-request timeout; a search that takes longer counts as Meilisearch being unavailable. */
  timeoutMs?: number;
}

/** Statistics of one index. */
export interface IndexSummary {
  uid: string;
  documents: number;
  isIndexing: boolean;
  /** Bytes on disk of the index. */
  sizeBytes: number;
  /** Bytes of the stored documents. */
  documentBytes: number;
}

function assertSucceeded(task: Task, what: string): Task {
  if (task.status !== 'succeeded') {
    const reason = task.error?.message ?? task.status;
    throw new MeilisearchTaskError(`${what} failed: ${reason}`, { cause: task.error });
  }
  return task;
}

/** All access to Meilisearch goes through here; errors come out typed. */
export class MeiliRepository {
  private readonly client: Meilisearch;
  private readonly taskTimeoutMs = 10 * 60_000;

  constructor(connection: MeiliConnection) {
    this.client = new Meilisearch({
      host: connection.url,
      apiKey: connection.apiKey,
      timeout: connection.timeoutMs ?? 10_000,
      // Deprecated upstream but kept in the pinned client: fetch costs ~40 ms per search here.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      httpClient: meiliHttpClient,
    });
  }

  /** True when Meilisearch answers its health check. */
  async isHealthy(): Promise<boolean> {
    try {
      await this.client.health();
      return true;
    } catch {
      return false;
    }
  }

  /** Uids of all indexes, optionally only those starting with `prefix`. */
  async listIndexes(prefix = ''): Promise<string[]> {
    return withTypedErrors('list indexes', async () => {
      const { results } = await this.client.getRawIndexes({ limit: 1000 });
      return results.map((index) => index.uid).filter((uid) => uid.startsWith(prefix));
    });
  }

  /** Document count and indexing state of an index, or null when it does not exist. */
  async summary(uid: string): Promise<IndexSummary | null> {
    return withTypedErrors(`stats of ${uid}`, async () => {
      if (!(await this.listIndexes(uid)).includes(uid)) return null;
      const stats = await this.client.index(uid).getStats();
      return {
        uid,
        documents: stats.numberOfDocuments,
        isIndexing: stats.isIndexing,
        sizeBytes: stats.indexSize,
        documentBytes: stats.rawDocumentDbSize,
      };
    });
  }

  /** Creates an index with the articles' primary key and applies its settings. */
  async createIndex(uid: string, settings: Settings): Promise<void> {
    await withTypedErrors(`create ${uid}`, async () => {
      assertSucceeded(
        await this.settled(this.client.createIndex(uid, { primaryKey: 'key' })),
        `create ${uid}`,
      );
      await this.applySettings(uid, settings);
    });
  }

  /** Applies settings and waits until they are in force. */
  async applySettings(uid: string, settings: Settings): Promise<void> {
    await withTypedErrors(`settings of ${uid}`, async () => {
      assertSucceeded(
        await this.settled(this.client.index(uid).updateSettings(settings)),
        `settings of ${uid}`,
      );
    });
  }

  /** Enqueues an NDJSON payload of documents without waiting; returns the task uid. */
  async enqueueNdjson(uid: string, payload: string): Promise<number> {
    return withTypedErrors(`add documents to ${uid}`, async () => {
      const enqueued = await this.client
        .index(uid)
        .addDocumentsFromString(payload, 'application/x-ndjson', { primaryKey: 'key' });
      return enqueued.taskUid;
    });
  }

  /** Waits for a task; throws MeilisearchTaskError when it failed. */
  async waitForTask(taskUid: number, what: string): Promise<void> {
    await withTypedErrors(what, async () => {
      assertSucceeded(await this.pollTask(taskUid), what);
    });
  }

  /** Deletes documents by primary key and waits. */
  async deleteDocuments(uid: string, keys: string[]): Promise<void> {
    await withTypedErrors(`delete documents from ${uid}`, async () => {
      assertSucceeded(
        await this.settled(this.client.index(uid).deleteDocuments(keys)),
        `delete from ${uid}`,
      );
    });
  }

  /** Swaps two indexes atomically. */
  async swapIndexes(a: string, b: string): Promise<void> {
    await withTypedErrors(`swap ${a} and ${b}`, async () => {
      assertSucceeded(
        await this.settled(this.client.swapIndexes([{ indexes: [a, b], rename: false }])),
        `swap ${a}/${b}`,
      );
    });
  }

  /** Deletes an index; a missing index is not an error. */
  async deleteIndex(uid: string): Promise<void> {
    await withTypedErrors(`delete ${uid}`, async () => {
      const task = await this.settled(this.client.deleteIndex(uid));
      if (task.status !== 'succeeded' && task.error?.code !== 'index_not_found')
        assertSucceeded(task, `delete ${uid}`);
    });
  }

  /** Searches one index. */
  async search(
    uid: string,
    query: string,
    params: SearchParams,
  ): Promise<SearchResponse<StoredArticle>> {
    return withTypedErrors(`search ${uid}`, () =>
      this.client.index(uid).search<StoredArticle>(query, params),
    );
  }

  /** Counts of documents per value of each facet over the whole index. */
  async facetCounts(
    uid: string,
    facets: string[],
  ): Promise<Record<string, Record<string, number>>> {
    const result = await this.search(uid, '', { limit: 0, facets });
    return result.facetDistribution ?? {};
  }

  /** Upserts one small JSON document into a bookkeeping index (created on first use). */
  async putMeta(uid: string, document: Record<string, unknown> & { key: string }): Promise<void> {
    await withTypedErrors(`meta ${uid}`, async () => {
      const task = await this.settled(
        this.client.index(uid).addDocuments([document], { primaryKey: 'key' }),
      );
      assertSucceeded(task, `meta ${uid}`);
    });
  }

  /** A bookkeeping document, or null when absent. */
  async getMeta(uid: string, key: string): Promise<Record<string, unknown> | null> {
    try {
      return await withTypedErrors(`meta ${uid}`, () =>
        this.client.index(uid).getDocument<Record<string, unknown>>(key),
      );
    } catch (error) {
      if (error instanceof DocumentNotFoundError || error instanceof IndexNotFoundError)
        return null;
      throw error;
    }
  }

  /** Stored documents by primary key, in the order of `keys` (missing ones left out). */
  async getDocuments(
    uid: string,
    keys: string[],
    fields: Array<keyof StoredArticle>,
  ): Promise<StoredArticle[]> {
    if (keys.length === 0) return [];
    const result = await withTypedErrors(`documents ${uid}`, () =>
      this.client.index(uid).getDocuments<StoredArticle>({ ids: keys, fields, limit: keys.length }),
    );
    const byKey = new Map(result.results.map((document) => [document.key, document]));
    return keys.flatMap((key) => byKey.get(key) ?? []);
  }

  /** One stored document by primary key. */
  async getDocument(uid: string, key: string): Promise<StoredArticle> {
    return withTypedErrors(`document ${key}`, () =>
      this.client.index(uid).getDocument<StoredArticle>(key),
    );
  }

  /**
   * The key of an API key named `name` that may only search `indexes`, created when missing.
   * The search API is given this key; the master key stays with the indexer.
   */
  async ensureSearchKey(name: string, indexes: string[]): Promise<string> {
    return withTypedErrors('search key', async () => {
      const { results } = await this.client.getKeys({ limit: 1000 });
      const existing = results.find((key) => key.name === name);
      if (existing !== undefined) return existing.key;
      const created = await this.client.createKey({
        name,
        description: 'Search-only key of the search API',
        actions: ['search', 'documents.get', 'indexes.get', 'stats.get'],
        indexes,
        expiresAt: null,
      });
      return created.key;
    });
  }

  /** Waits for the task of an enqueued request. */
  private async settled(enqueued: Promise<EnqueuedTask>): Promise<Task> {
    return this.pollTask((await enqueued).taskUid);
  }

  /**
   * Polls a task until it ends. The client's own waitTask adds an abort listener per poll to
   * one signal (a leak that floods warnings on long tasks), so polling is done here.
   */
  private async pollTask(taskUid: number): Promise<Task> {
    const deadline = Date.now() + this.taskTimeoutMs;
    let delay = 5;
    for (;;) {
      const task = await this.client.tasks.getTask(taskUid);
      if (task.status !== 'enqueued' && task.status !== 'processing') return task;
      if (Date.now() > deadline) {
        throw new MeilisearchUnavailableError(
          `task ${taskUid} did not finish in ${this.taskTimeoutMs / 1000} s`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 100);
    }
  }
}
