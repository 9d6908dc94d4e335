import { createHash } from 'node:crypto';
import {
  Meilisearch,
  MeilisearchApiError,
  type FederatedMultiSearchParams,
  type Network,
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
import { sleep } from '../util/sleep.js';
import { withTypedErrors } from './meili-errors.js';
import { meiliHttpClient } from './node-http.client.js';

/** How to reach Meilisearch. */
export interface MeiliConnection {
  url: string;
  apiKey: string;
  /** Per-request timeout; a search that takes longer counts as Meilisearch being unavailable. */
  timeoutMs?: number;
  /** How long waiting for a task rides out Meilisearch being unreachable (30 s). */
  unavailableGraceMs?: number;
  /**
   * How long a read (search, documents) is tried again while Meilisearch is unreachable, from
   * its first attempt (0: not at all). The search API gives its timeout, so a reader's search
   * during a restart of a few hundred milliseconds waits for it instead of failing.
   */
  readRetryMs?: number;
}

/** Statistics of one index. */
export interface IndexSummary {
  uid: string;
  documents: number;
  isIndexing: boolean;
  /**
   * Bytes on disk of the index, or null where Meilisearch does not report it (1.21's per-index
   * stats have no size: only the whole database's).
   */
  sizeBytes: number | null;
  /** Bytes of the stored documents. */
  documentBytes: number;
}

/** How a task ended, without throwing: for callers that decide what a failure means. */
export interface TaskOutcome {
  succeeded: boolean;
  /** Meilisearch's error code and message of a failed or canceled task. */
  code: string | null;
  message: string | null;
}

/** Polling a task: how long to wait and when to give up. */
export interface TaskWait {
  /** Stops waiting (the task goes on in Meilisearch unless canceled). */
  signal?: AbortSignal;
  /** Called on every poll, so a caller can report progress while Meilisearch works. */
  onPoll?: () => void;
}

/**
 * How long polling rides out Meilisearch being unreachable: `serve` restarts a local server
 * that died within a few seconds, and Meilisearch keeps its task queue across a restart, so a
 * run that waits resumes instead of failing.
 */
const UNAVAILABLE_GRACE_MS = 30_000;

/** Actions of the indexer's document-writing key: everything but creating indexes. */
const WRITER_ACTIONS = [
  'documents.add',
  'documents.get',
  'documents.delete',
  'settings.get',
  'settings.update',
  'indexes.get',
  'stats.get',
  'tasks.get',
  'tasks.cancel',
  'search',
] as const;

/** A UUID (version 4 layout) made from a key's name, the same on every node. */
export function keyUidOf(name: string): string {
  const bytes = createHash('sha256').update(`key:${name}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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

  constructor(private readonly connection: MeiliConnection) {
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
        sizeBytes: typeof stats.indexSize === 'number' ? stats.indexSize : null,
        documentBytes: stats.rawDocumentDbSize,
      };
    });
  }

  /** Bytes on disk of the whole Meilisearch database (all indexes, tasks and keys). */
  async databaseSize(): Promise<number> {
    return withTypedErrors('stats', async () => (await this.client.getStats()).databaseSize);
  }

  /**
   * Bytes of the database's pages in use: its file keeps the pages of deleted indexes (old
   * builds) for reuse, so this is what the data takes.
   */
  async usedDatabaseSize(): Promise<number> {
    return withTypedErrors('stats', async () => (await this.client.getStats()).usedDatabaseSize);
  }

  /**
   * Creates an index with the articles' primary key and applies its settings; fails when it
   * exists already, so a run never builds into an index it did not create.
   */
  async createIndex(uid: string, settings: Settings): Promise<void> {
    await withTypedErrors(`create ${uid}`, async () => {
      assertSucceeded(
        await this.settled(this.client.createIndex(uid, { primaryKey: 'key' })),
        `create ${uid}`,
      );
      await this.applySettings(uid, settings);
    });
  }

  /** Creates an index with the articles' primary key unless it exists. */
  async ensureIndex(uid: string): Promise<void> {
    await withTypedErrors(`create ${uid}`, async () => {
      const task = await this.settled(this.client.createIndex(uid, { primaryKey: 'key' }));
      if (task.status !== 'succeeded' && task.error?.code !== 'index_already_exists')
        assertSucceeded(task, `create ${uid}`);
    });
  }

  /** The settings in force on an index. */
  async getSettings(uid: string): Promise<Settings> {
    return withTypedErrors(`settings of ${uid}`, () => this.client.index(uid).getSettings());
  }

  /**
   * A repository on a key that may write documents and settings of the indexes starting with
   * `indexPrefix` but may not create indexes (created when missing, by name). Meilisearch
   * creates a missing index on a document write when the key allows it; with this key such a
   * write fails instead, so an index deleted under a run is never re-created without settings.
   */
  async writer(name: string, indexPrefix: string): Promise<MeiliRepository> {
    const key = await this.ensureKey(
      {
        name,
        description: 'Document writes of the indexer, without index creation',
        actions: [...WRITER_ACTIONS],
        indexes: [`${indexPrefix}*`],
      },
      // A key of that name with other rights (index creation above all) would quietly undo
      // the guarantee: it is replaced. Only the indexer holds this key.
      { replaceWhenDifferent: true },
    );
    return new MeiliRepository({ ...this.connection, apiKey: key });
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
    return this.repeatable(`add documents to ${uid}`, async () => {
      const enqueued = await this.client
        .index(uid)
        .addDocumentsFromString(payload, 'application/x-ndjson', { primaryKey: 'key' });
      return enqueued.taskUid;
    });
  }

  /** Waits for a task; throws MeilisearchTaskError when it failed. */
  async waitForTask(taskUid: number, what: string, wait: TaskWait = {}): Promise<void> {
    await withTypedErrors(what, async () => {
      assertSucceeded(await this.pollTask(taskUid, wait), what);
    });
  }

  /** Waits for a task and says how it ended, failed or not. */
  async taskOutcome(taskUid: number, what: string, wait: TaskWait = {}): Promise<TaskOutcome> {
    return withTypedErrors(what, async () => {
      const task = await this.pollTask(taskUid, wait);
      return {
        succeeded: task.status === 'succeeded',
        code: task.error?.code ?? (task.status === 'succeeded' ? null : task.status),
        message: task.error?.message ?? (task.status === 'succeeded' ? null : task.status),
      };
    });
  }

  /** Cancels the enqueued and processing tasks of an index; returns without waiting. */
  async cancelTasks(uid: string): Promise<void> {
    await withTypedErrors(`cancel tasks of ${uid}`, async () => {
      await this.client.tasks.cancelTasks({
        indexUids: [uid],
        statuses: ['enqueued', 'processing'],
      });
    });
  }

  /** Share (0-1) of the batch Meilisearch is processing for an index, or null when none. */
  async processingShare(uid: string): Promise<number | null> {
    return withTypedErrors(`batches of ${uid}`, async () => {
      const { results } = await this.client.batches.getBatches({
        indexUids: [uid],
        statuses: ['processing'],
        limit: 1,
      });
      const percentage = results[0]?.progress?.percentage;
      return typeof percentage === 'number' ? percentage / 100 : null;
    });
  }

  /** Upserts documents of a small bookkeeping index that must exist; waits. */
  async putDocuments(uid: string, documents: Array<Record<string, unknown>>): Promise<void> {
    await withTypedErrors(`write ${uid}`, async () => {
      assertSucceeded(
        await this.settled(this.client.index(uid).addDocuments(documents, { primaryKey: 'key' })),
        `write ${uid}`,
      );
    });
  }

  /** Upserts documents without waiting; returns the task uid. */
  async enqueueDocuments(uid: string, documents: Array<Record<string, unknown>>): Promise<number> {
    return this.repeatable(`write ${uid}`, async () => {
      const enqueued = await this.client.index(uid).addDocuments(documents, { primaryKey: 'key' });
      return enqueued.taskUid;
    });
  }

  /** Every document of a small bookkeeping index (at most 1,000). */
  async allDocuments<T extends Record<string, unknown>>(uid: string): Promise<T[]> {
    return withTypedErrors(`read ${uid}`, async () => {
      const { results } = await this.client.index(uid).getDocuments<T>({ limit: 1000 });
      return results;
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

  /** Swaps each pair of indexes, all pairs in one atomic task: every pair swaps or none. */
  async swapIndexes(pairs: Array<[string, string]>): Promise<void> {
    const what = `swap ${pairs.map(([a, b]) => `${a}/${b}`).join(', ')}`;
    await withTypedErrors(what, async () => {
      assertSucceeded(
        await this.settled(
          this.client.swapIndexes(pairs.map((indexes) => ({ indexes, rename: false }))),
        ),
        what,
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
    return this.retrying(
      `search ${uid}`,
      () => this.client.index(uid).search<StoredArticle>(query, params),
      this.connection.readRetryMs ?? 0,
    );
  }

  /**
   * One federated multi-search: its queries (on this node or, with `federationOptions.remote`,
   * on the remote nodes of its network) merged into one ranking. `remoteErrors` names the
   * remotes that failed; their hits are missing.
   */
  async federatedSearch(
    params: FederatedMultiSearchParams,
  ): Promise<SearchResponse<StoredArticle> & { remoteErrors?: Record<string, unknown> }> {
    return this.retrying(
      'federated search',
      () => this.client.multiSearch<FederatedMultiSearchParams, StoredArticle>(params),
      this.connection.readRetryMs ?? 0,
    );
  }

  /**
   * Makes this node one of a network of nodes for remote federated search: the `network`
   * experimental feature on, this node's name and every node's address and search key.
   */
  async joinNetwork(network: Required<Pick<Network, 'self' | 'remotes'>>): Promise<void> {
    await withTypedErrors('network', async () => {
      await this.client.updateExperimentalFeatures({ network: true }).catch((error: unknown) => {
        // A server where the network is no longer experimental may refuse the flag.
        if (!(error instanceof MeilisearchApiError) || error.response.status !== 400) throw error;
      });
      const answer = await this.client.updateNetwork(network);
      // Newer servers queue the change as a task; 1.21 applies it at once.
      if ('taskUid' in answer) assertSucceeded(await this.pollTask(answer.taskUid), 'network');
    });
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
    const result = await this.retrying(
      `documents ${uid}`,
      () =>
        this.client
          .index(uid)
          .getDocuments<StoredArticle>({ ids: keys, fields, limit: keys.length }),
      this.connection.readRetryMs ?? 0,
    );
    const byKey = new Map(result.results.map((document) => [document.key, document]));
    return keys.flatMap((key) => byKey.get(key) ?? []);
  }

  /** One stored document by primary key. */
  async getDocument(uid: string, key: string): Promise<StoredArticle> {
    return this.retrying(
      `document ${key}`,
      () => this.client.index(uid).getDocument<StoredArticle>(key),
      this.connection.readRetryMs ?? 0,
    );
  }

  /**
   * The key of an API key named `name` that may only search `indexes`, created when missing.
   * The search API is given this key; the master key stays with the indexer.
   */
  async ensureSearchKey(name: string, indexes: string[]): Promise<string> {
    // An existing key is kept as it is: running search APIs hold it.
    return this.ensureKey(
      {
        name,
        description: 'Search-only key of the search API',
        actions: ['search', 'documents.get', 'indexes.get', 'stats.get'],
        indexes,
      },
      { replaceWhenDifferent: false },
    );
  }

  /** The key named `spec.name`, created when missing (or replaced when its rights differ). */
  private async ensureKey(
    spec: { name: string; description: string; actions: string[]; indexes: string[] },
    options: { replaceWhenDifferent: boolean },
  ): Promise<string> {
    return withTypedErrors(`key ${spec.name}`, async () => {
      const { results } = await this.client.getKeys({ limit: 1000 });
      const existing = results.find((key) => key.name === spec.name);
      const same = (a: string[], b: string[]): boolean =>
        a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
      if (existing !== undefined) {
        if (
          !options.replaceWhenDifferent ||
          (same(existing.actions, spec.actions) && same(existing.indexes, spec.indexes))
        )
          return existing.key;
        await this.client.deleteKey(existing.uid);
      }
      const created = await this.client.createKey({
        ...spec,
        // The key's value derives from its uid and the master key: nodes that share a master
        // key give a key of the same name the same value, so one search key opens every shard.
        uid: keyUidOf(spec.name),
        actions: spec.actions,
        expiresAt: null,
      });
      return created.key;
    });
  }

  /**
   * Runs a request that is safe to send twice (an upsert of the same documents), again while
   * Meilisearch is unreachable, for the grace period: a request that failed on a dead server
   * is sent to the restarted one.
   */
  private repeatable<T>(context: string, call: () => Promise<T>): Promise<T> {
    return this.retrying(context, call, this.connection.unavailableGraceMs ?? UNAVAILABLE_GRACE_MS);
  }

  /** Runs `call`, again every 100 ms while Meilisearch is unreachable, for `graceMs`. */
  private async retrying<T>(context: string, call: () => Promise<T>, graceMs: number): Promise<T> {
    const since = Date.now();
    for (;;) {
      try {
        return await withTypedErrors(context, call);
      } catch (error) {
        if (!(error instanceof MeilisearchUnavailableError) || Date.now() - since + 100 > graceMs)
          throw error;
        await sleep(100);
      }
    }
  }

  /** Waits for the task of an enqueued request. */
  private async settled(enqueued: Promise<EnqueuedTask>): Promise<Task> {
    return this.pollTask((await enqueued).taskUid);
  }

  /**
   * Polls a task until it ends. The client's own waitTask adds an abort listener per poll to
   * one signal (a leak that floods warnings on long tasks), so polling is done here. Meilisearch
   * being unreachable is ridden out for UNAVAILABLE_GRACE_MS (a restart keeps the queue).
   */
  private async pollTask(taskUid: number, wait: TaskWait = {}): Promise<Task> {
    const deadline = Date.now() + this.taskTimeoutMs;
    let unreachableSince: number | null = null;
    let delay = 5;
    for (;;) {
      wait.signal?.throwIfAborted();
      try {
        const task = await withTypedErrors(`task ${taskUid}`, () =>
          this.client.tasks.getTask(taskUid),
        );
        unreachableSince = null;
        if (task.status !== 'enqueued' && task.status !== 'processing') return task;
      } catch (error) {
        if (!(error instanceof MeilisearchUnavailableError)) throw error;
        unreachableSince ??= Date.now();
        const grace = this.connection.unavailableGraceMs ?? UNAVAILABLE_GRACE_MS;
        if (Date.now() - unreachableSince > grace) throw error;
        delay = 250;
      }
      wait.onPoll?.();
      if (Date.now() > deadline) {
        throw new MeilisearchUnavailableError(
          `task ${taskUid} did not finish in ${this.taskTimeoutMs / 1000} s`,
        );
      }
      await sleep(delay, wait.signal);
      delay = Math.min(delay * 2, 100);
    }
  }
}
