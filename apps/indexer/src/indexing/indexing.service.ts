import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  BatchWriter,
  documentBatches,
  IndexBuilder,
  LockSet,
  loadIndexSettings,
  primaryKeyFor,
  splitByShard,
  targetNodes,
  targetShardOf,
  toArticleDocument,
  writerKeyName,
  type CounterpartSource,
  type IndexLockOptions,
  type IndexTargets,
} from '@lib/search-core';
import { SEARCH_KEY_NAME, searchKeyIndexes } from '../commands/search-key.js';
import type { IngestSummary } from '@lib/ingest';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config.js';
import { MeiliConnectionService } from '../meili/meili-connection.service.js';
import { printable } from '../cli/printable.js';
import { COUNTERPARTS } from './counterparts.provider.js';
import { ProgressReporter } from '../progress/progress.reporter.js';
import { RecordStream, type InputProblem } from './record-stream.js';
import { LAST_REINDEX_KEY, metaIndexOf } from './stats.service.js';

/** Outcome of a reindex or add run. */
export interface IndexRunReport {
  command: 'reindex' | 'add';
  dryRun: boolean;
  index: string;
  files: number;
  indexed: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  failed: number;
  problems: InputProblem[];
  durationMs: number;
}

/** How a writing run is run. */
export interface IndexRunOptions {
  dryRun: boolean;
  tty: boolean;
  /** Wait for another run holding the index lock instead of failing at once. */
  wait?: boolean;
  signal?: AbortSignal;
}

function report(
  command: IndexRunReport['command'],
  base: { index: string; dryRun: boolean; started: number; indexed: number },
  stream: RecordStream,
): IndexRunReport {
  const summary: IngestSummary = stream.summary;
  return {
    command,
    dryRun: base.dryRun,
    index: base.index,
    files: stream.files,
    indexed: base.indexed,
    skipped: summary.skipped,
    skippedByReason: summary.skippedByReason,
    failed: summary.failed,
    problems: stream.problems,
    durationMs: Date.now() - base.started,
  };
}

/** Reindexes and updates the live index from files, one writing run at a time. */
@Injectable()
export class IndexingService {
  private readonly logger = new Logger(IndexingService.name);
  constructor(
    private readonly meili: MeiliConnectionService,
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
    @Inject(COUNTERPARTS) private readonly counterparts: CounterpartSource,
  ) {}

  /** Zero-downtime full reindex of the live index from `paths`. */
  async reindex(paths: string[], options: IndexRunOptions): Promise<IndexRunReport> {
    const started = Date.now();
    const stream = new RecordStream(paths);
    const progress = new ProgressReporter('reindex', { tty: options.tty });
    if (options.dryRun) return this.dryRun('reindex', stream, started, progress);
    const { repository, targets } = await this.meili.connect();
    const settings = await loadIndexSettings(this.config.settingsPath);
    await this.meili.joinShards(SEARCH_KEY_NAME, searchKeyIndexes(this.config.index));
    const result = await new IndexBuilder(targets)
      .reindex({
        liveIndex: this.config.index,
        settings,
        records: stream.records(),
        batchBytes: this.config.batchBytes,
        counterparts: this.counterparts,
        originOf: stream.originOf,
        onRejected: (rejected) => {
          stream.reject(rejected.origin, rejected.reason);
        },
        onProgress: (state) => {
          progress.update({ ...state, readShare: stream.share });
        },
        lock: this.lockOptions(options),
        signal: options.signal,
      })
      .finally(() => {
        progress.finish();
      });
    await repository.putMeta(metaIndexOf(this.config.index), {
      key: LAST_REINDEX_KEY,
      finished_at: new Date().toISOString(),
      documents: result.documents,
      duration_ms: result.durationMs,
      paths,
    });
    this.logger.log({
      msg: 'reindex swapped in',
      index: result.liveIndex,
      build: result.buildIndex,
      documents: result.documents,
      rejected: result.rejected,
      removedStale: result.removedStale,
      ms: result.durationMs,
    });
    return report(
      'reindex',
      { index: this.config.index, dryRun: false, started, indexed: result.documents },
      stream,
    );
  }

  /** Adds or replaces documents in the live index (created with its settings when missing). */
  async add(paths: string[], options: IndexRunOptions): Promise<IndexRunReport> {
    const started = Date.now();
    const stream = new RecordStream(paths);
    const progress = new ProgressReporter('add', { tty: options.tty });
    if (options.dryRun) return this.dryRun('add', stream, started, progress);
    const indexed = await this.underLock('add', options, async (targets, locks) => {
      const settings = await loadIndexSettings(this.config.settingsPath);
      const writers = new Map<string, BatchWriter>();
      for (const node of targetNodes(targets)) {
        if ((await node.repository.summary(this.config.index)) === null)
          await node.repository.createIndex(this.config.index, settings);
        const writer = await node.repository.writer(
          writerKeyName(this.config.index),
          this.config.index,
        );
        writers.set(
          node.name,
          new BatchWriter(writer, this.config.index, { signal: options.signal }),
        );
      }
      let count = 0;
      for await (const batch of documentBatches(stream.records(), {
        maxBytes: this.config.batchBytes,
        counterparts: this.counterparts,
        originOf: stream.originOf,
        signal: options.signal,
      })) {
        locks.ensureHeld();
        for (const [shard, part] of splitByShard(targets, batch)) {
          // Every node of the shard gets the part; the first one reports what was rejected.
          for (const [i, node] of shard.nodes.entries()) {
            const writer = writers.get(node.name);
            if (writer === undefined) continue;
            const outcome = await writer.settle(part, await writer.enqueue(part));
            if (i > 0) continue;
            for (const rejected of outcome.rejected)
              stream.reject(rejected.origin, rejected.reason);
            count += outcome.indexed.length;
          }
        }
        progress.update({
          phase: 'indexing',
          sent: count,
          indexed: count,
          readShare: stream.share,
        });
      }
      return count;
    }).finally(() => {
      progress.finish();
    });
    return report('add', { index: this.config.index, dryRun: false, started, indexed }, stream);
  }

  /** Deletes documents by their original ids; returns how many existed. */
  async delete(
    ids: string[],
    options: { dryRun: boolean; wait?: boolean; signal?: AbortSignal },
  ): Promise<{ requested: number; deleted: number; missing: string[] }> {
    const run = async (targets: IndexTargets, locks?: LockSet) => {
      const missing: string[] = [];
      for (const id of ids) {
        // An article lives on the shard its key routes to, on every node of it.
        const key = primaryKeyFor(id);
        const holder = targetShardOf(targets, key).nodes[0]?.repository;
        const found =
          holder !== undefined &&
          (await holder.getDocument(this.config.index, key).then(
            () => true,
            () => false,
          ));
        if (!found) missing.push(id);
      }
      const present = ids.filter((id) => !missing.includes(id));
      locks?.ensureHeld();
      if (!options.dryRun && present.length > 0) {
        for (const node of targetNodes(targets)) {
          const keys = present
            .map(primaryKeyFor)
            .filter((key) => targetShardOf(targets, key).nodes.includes(node));
          if (keys.length > 0) await node.repository.deleteDocuments(this.config.index, keys);
        }
      }
      return { requested: ids.length, deleted: present.length, missing };
    };
    if (options.dryRun) return run((await this.meili.connect()).targets);
    return this.underLock('delete', options, run);
  }

  /** Applies the index settings file to the live index. */
  async applySettings(options: { dryRun: boolean }): Promise<{ index: string; applied: boolean }> {
    const settings = await loadIndexSettings(this.config.settingsPath);
    if (options.dryRun) return { index: this.config.index, applied: false };
    const { targets } = await this.meili.connect();
    for (const { repository } of targetNodes(targets)) {
      if ((await repository.summary(this.config.index)) === null)
        await repository.createIndex(this.config.index, settings);
      else await repository.applySettings(this.config.index, settings);
    }
    await this.meili.joinShards(SEARCH_KEY_NAME, searchKeyIndexes(this.config.index));
    return { index: this.config.index, applied: true };
  }

  private lockOptions(
    options: Pick<IndexRunOptions, 'wait'>,
  ): Pick<IndexLockOptions, 'ttlMs' | 'wait' | 'onWait'> {
    return {
      ttlMs: this.config.lockTtlMs,
      wait: options.wait === true,
      onWait: (holder) => {
        this.logger.warn(
          `waiting for the run that holds "${this.config.index}": ${printable(holder)}`,
        );
      },
    };
  }

  /** Runs `work` holding the index lock on every node, so a reindex never swaps away its writes. */
  private async underLock<T>(
    purpose: string,
    options: Pick<IndexRunOptions, 'wait' | 'signal'>,
    work: (targets: IndexTargets, locks: LockSet) => Promise<T>,
  ): Promise<T> {
    const { targets } = await this.meili.connect();
    const locks = await LockSet.acquire(targets, this.config.index, {
      purpose,
      ...this.lockOptions(options),
      signal: options.signal,
    });
    try {
      return await work(targets, locks);
    } finally {
      await locks.release();
    }
  }

  private async dryRun(
    command: IndexRunReport['command'],
    stream: RecordStream,
    started: number,
    progress: ProgressReporter,
  ): Promise<IndexRunReport> {
    let indexed = 0;
    for await (const record of stream.records()) {
      toArticleDocument(record, this.counterparts);
      indexed++;
      progress.update({ phase: 'indexing', sent: indexed, indexed, readShare: stream.share });
    }
    progress.finish();
    if (indexed === 0 && command === 'reindex') this.logger.warn('dry run found no records');
    return report(command, { index: this.config.index, dryRun: true, started, indexed }, stream);
  }
}
