import { Inject, Injectable } from '@nestjs/common';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config.js';
import { MeiliConnectionService } from '../meili/meili-connection.service.js';
import { SEARCH_KEY_NAME, searchKeyIndexes } from './search-key.js';
import type { CliArguments } from '../cli/cli-arguments.js';
import { IndexingService } from '../indexing/indexing.service.js';
import { StatsService } from '../indexing/stats.service.js';
import { formatBytes, formatCounts, writeResult } from './command-output.js';

/** `delete <id...>`, `stats`, `settings` and `search-key`. */
@Injectable()
export class AdminCommand {
  constructor(
    private readonly indexing: IndexingService,
    private readonly statsService: StatsService,
    private readonly meili: MeiliConnectionService,
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
  ) {}

  async run(cli: CliArguments, signal: AbortSignal): Promise<number> {
    if (cli.command === 'delete') {
      const result = await this.indexing.delete(cli.args, {
        dryRun: cli.dryRun,
        wait: cli.wait,
        signal,
      });
      writeResult(result, {
        json: cli.json,
        lines: () => [
          `${cli.dryRun ? 'would delete' : 'deleted'} ${result.deleted} of ${result.requested} documents`,
          ...result.missing.map((id) => `  error: no document with id ${id}`),
        ],
      });
      return result.missing.length > 0 ? 1 : 0;
    }
    if (cli.command === 'search-key') {
      const { repository } = await this.meili.connect();
      // Shards: the key on every node, and the nodes told of each other for federated search.
      await this.meili.joinShards(SEARCH_KEY_NAME, searchKeyIndexes(this.config.index));
      const key = await repository.ensureSearchKey(
        SEARCH_KEY_NAME,
        searchKeyIndexes(this.config.index),
      );
      writeResult(
        { name: SEARCH_KEY_NAME, index: this.config.index, key },
        { json: cli.json, lines: () => [key] },
      );
      return 0;
    }
    if (cli.command === 'settings') {
      const result = await this.indexing.applySettings({ dryRun: cli.dryRun });
      writeResult(result, {
        json: cli.json,
        lines: () => [`settings ${result.applied ? 'applied to' : 'valid for'} "${result.index}"`],
      });
      return 0;
    }
    const stats = await this.statsService.stats();
    writeResult(stats, {
      json: cli.json,
      lines: () => [
        `index "${stats.index}": ${stats.exists ? `${stats.documents} documents` : 'does not exist'}${stats.isIndexing ? ' (indexing)' : ''}`,
        `  languages: ${formatCounts(stats.languages)}`,
        `  sources: ${formatCounts(stats.sources)}`,
        `  size: ${stats.sizeBytes === null ? '' : `${formatBytes(stats.sizeBytes)} on disk, `}${formatBytes(stats.documentBytes)} of documents; database ${formatBytes(stats.databaseBytes)} on disk (all indexes)`,
        `  last reindex: ${stats.lastReindex === null ? 'never' : `${String(stats.lastReindex.finished_at)} (${String(stats.lastReindex.documents)} documents)`}`,
        ...(stats.shards.length > 1
          ? stats.shards.map(
              (shard) =>
                `  shard ${shard.shard} (${shard.node}): ${shard.documents} documents, ${formatBytes(shard.documentBytes)} of documents${shard.isIndexing ? ' (indexing)' : ''}`,
            )
          : []),
      ],
    });
    return 0;
  }
}
