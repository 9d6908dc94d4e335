import { Inject, Injectable } from '@nestjs/common';
import type { MeiliRepository } from '@lib/search-core';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config.js';
import { MeiliConnectionService } from '../meili/meili-connection.service.js';

/** One node's part of `stats`: the first node of each shard (its replicas hold the same). */
export interface ShardStats {
  shard: string;
  node: string;
  documents: number;
  languages: Record<string, number>;
  sources: Record<string, number>;
  documentBytes: number;
  databaseBytes: number;
  isIndexing: boolean;
}

/** What `stats` reports: the whole index (all shards together) and each shard. */
export interface IndexStatsReport {
  index: string;
  exists: boolean;
  documents: number;
  languages: Record<string, number>;
  sources: Record<string, number>;
  /** Bytes on disk of the index, where Meilisearch reports it (1.21 does not). */
  sizeBytes: number | null;
  documentBytes: number;
  /** Bytes on disk of the whole Meilisearch database, all indexes together. */
  databaseBytes: number;
  isIndexing: boolean;
  lastReindex: Record<string, unknown> | null;
  /** Each shard (one entry, `single`, when the index is not sharded). */
  shards: ShardStats[];
}

/** The key of the last-reindex record in the bookkeeping index. */
export const LAST_REINDEX_KEY = 'last_reindex';

/** The bookkeeping index beside the live one (never searched, not visible to the search key). */
export function metaIndexOf(index: string): string {
  return `${index}-meta`;
}

/** Reads statistics of the live index. */
@Injectable()
export class StatsService {
  constructor(
    private readonly meili: MeiliConnectionService,
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
  ) {}

  async stats(): Promise<IndexStatsReport> {
    const { repository, targets } = await this.meili.connect();
    const index = this.config.index;
    const shards = await Promise.all(
      targets.shards.map(async (shard) => {
        const node = shard.nodes[0];
        if (node === undefined) throw new Error(`shard ${shard.name} has no node`);
        return this.shardStats(shard.name, node.name, node.repository);
      }),
    );
    const lastReindex = await repository.getMeta(metaIndexOf(index), LAST_REINDEX_KEY);
    const sum = (pick: (shard: ShardStats) => number): number =>
      shards.reduce((total, shard) => total + pick(shard), 0);
    // Shards hold different articles: their counts add up.
    const added = (pick: (shard: ShardStats) => Record<string, number>): Record<string, number> => {
      const total: Record<string, number> = {};
      for (const shard of shards)
        for (const [value, count] of Object.entries(pick(shard)))
          total[value] = (total[value] ?? 0) + count;
      return total;
    };
    const exists = shards.some((shard) => shard.exists);
    return {
      index,
      exists,
      documents: sum((shard) => shard.documents),
      languages: added((shard) => shard.languages),
      sources: added((shard) => shard.sources),
      sizeBytes: shards.length === 1 ? (shards[0]?.sizeBytes ?? null) : null,
      documentBytes: sum((shard) => shard.documentBytes),
      databaseBytes: sum((shard) => shard.databaseBytes),
      isIndexing: shards.some((shard) => shard.isIndexing),
      lastReindex,
      shards: shards.map(({ exists: _exists, sizeBytes: _size, ...shard }) => shard),
    };
  }

  private async shardStats(
    shard: string,
    node: string,
    repository: MeiliRepository,
  ): Promise<ShardStats & { exists: boolean; sizeBytes: number | null }> {
    const index = this.config.index;
    const summary = await repository.summary(index);
    const databaseBytes = await repository.databaseSize();
    const facets = summary === null ? {} : await repository.facetCounts(index, ['lang', 'source']);
    return {
      shard,
      node,
      exists: summary !== null,
      documents: summary?.documents ?? 0,
      languages: facets.lang ?? {},
      sources: facets.source ?? {},
      sizeBytes: summary?.sizeBytes ?? null,
      documentBytes: summary?.documentBytes ?? 0,
      databaseBytes,
      isIndexing: summary?.isIndexing ?? false,
    };
  }
}
