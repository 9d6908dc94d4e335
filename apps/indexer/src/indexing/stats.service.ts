import { Inject, Injectable } from '@nestjs/common';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config.js';
import { MeiliConnectionService } from '../meili/meili-connection.service.js';

/** What `stats` reports. */
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
    const { repository } = await this.meili.connect();
    const index = this.config.index;
    const summary = await repository.summary(index);
    const lastReindex = await repository.getMeta(metaIndexOf(index), LAST_REINDEX_KEY);
    const databaseBytes = await repository.databaseSize();
    if (summary === null) {
      return {
        index,
        exists: false,
        documents: 0,
        languages: {},
        sources: {},
        sizeBytes: null,
        documentBytes: 0,
        databaseBytes,
        isIndexing: false,
        lastReindex,
      };
    }
    const facets = await repository.facetCounts(index, ['lang', 'source']);
    return {
      index,
      exists: true,
      documents: summary.documents,
      languages: facets.lang ?? {},
      sources: facets.source ?? {},
      sizeBytes: summary.sizeBytes,
      documentBytes: summary.documentBytes,
      databaseBytes,
      isIndexing: summary.isIndexing,
      lastReindex,
    };
  }
}
