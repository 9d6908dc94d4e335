import type { DocumentBatch } from '../indexing/document-batches.js';
import type { MeiliRepository } from '../meili/meili.repository.js';
import { IndexLock, type IndexLockOptions } from '../indexing/index-lock.js';
import { shardIndexOf } from './shard-layout.js';

/** A node the indexer writes to, with its admin connection. */
export interface TargetNode {
  name: string;
  repository: MeiliRepository;
}

/** A shard the indexer writes to: every node of it gets every article of the shard. */
export interface TargetShard {
  name: string;
  nodes: TargetNode[];
}

/**
 * Where the indexer writes, shard by shard in routing order: one shard of one node when the
 * index is not sharded.
 */
export interface IndexTargets {
  shards: TargetShard[];
}

/** The targets of one node: today's single-node layout. */
export function singleNodeTargets(repository: MeiliRepository): IndexTargets {
  return { shards: [{ name: 'single', nodes: [{ name: 'single', repository }] }] };
}

/** Every node of the targets, shard by shard. */
export function targetNodes(targets: IndexTargets): TargetNode[] {
  return targets.shards.flatMap((shard) => shard.nodes);
}

/** The shard an article's primary key routes to. */
export function targetShardOf(targets: IndexTargets, key: string): TargetShard {
  const shard = targets.shards[shardIndexOf(key, targets.shards.length)];
  if (shard === undefined) throw new Error('no shard to write to');
  return shard;
}

/** A batch's documents grouped by the shard their keys route to. */
export function splitByShard(
  targets: IndexTargets,
  batch: DocumentBatch,
): Map<TargetShard, DocumentBatch> {
  const only = targets.shards.length === 1 ? targets.shards[0] : undefined;
  if (only !== undefined) return new Map([[only, batch]]);
  const parts = new Map<TargetShard, DocumentBatch>();
  batch.keys.forEach((key, i) => {
    const shard = targetShardOf(targets, key);
    const part = parts.get(shard) ?? { lines: [], keys: [], origins: [] };
    part.lines.push(batch.lines[i] ?? '');
    part.keys.push(key);
    part.origins.push(batch.origins[i]);
    parts.set(shard, part);
  });
  return parts;
}

/**
 * The index lock held on every node, taken in the layout's order (so two runs never hold
 * half each and wait on each other forever) and released on all. A run writes only while it
 * holds all of them.
 */
export class LockSet {
  private constructor(private readonly locks: IndexLock[]) {}

  static async acquire(
    targets: IndexTargets,
    liveIndex: string,
    options: IndexLockOptions,
  ): Promise<LockSet> {
    const locks: IndexLock[] = [];
    try {
      for (const node of targetNodes(targets))
        locks.push(await IndexLock.acquire(node.repository, liveIndex, options));
    } catch (error) {
      await Promise.all(locks.map((lock) => lock.release()));
      throw error;
    }
    return new LockSet(locks);
  }

  /** Throws at once when any lock was lost (from the last renewal). */
  ensureHeld(): void {
    for (const lock of this.locks) lock.ensureHeld();
  }

  /** Asks every node that its lock is still held; throws when one is not. */
  async assertHeld(): Promise<void> {
    for (const lock of this.locks) await lock.assertHeld();
  }

  async release(): Promise<void> {
    await Promise.all(this.locks.map((lock) => lock.release()));
  }
}
