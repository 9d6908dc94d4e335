import { type DynamicModule, Module } from '@nestjs/common';
import { AdminCommand } from './commands/admin.command.js';
import { IndexRunCommand } from './commands/index-run.command.js';
import { ServeCommand } from './commands/serve.command.js';
import { INDEXER_CONFIG, type IndexerConfig } from './config/indexer.config.js';
import { counterpartsProvider } from './indexing/counterparts.provider.js';
import { IndexingService } from './indexing/indexing.service.js';
import { StatsService } from './indexing/stats.service.js';
import { MeiliConnectionService } from './meili/meili-connection.service.js';

/** The indexer: Meilisearch connection, indexing services and the CLI commands. */
@Module({})
export class IndexerModule {
  static forConfig(config: IndexerConfig): DynamicModule {
    return {
      module: IndexerModule,
      providers: [
        { provide: INDEXER_CONFIG, useValue: config },
        MeiliConnectionService,
        counterpartsProvider,
        IndexingService,
        StatsService,
        IndexRunCommand,
        AdminCommand,
        ServeCommand,
      ],
    };
  }
}
