import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { LocalMeilisearchServer, MeiliRepository } from '@lib/search-core';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config.js';

/** Where the indexer's Meilisearch is and with which admin key. */
export interface ResolvedMeili {
  url: string;
  masterKey: string;
  repository: MeiliRepository;
}

/**
 * Connects to the configured Meilisearch: the external one given by MEILI_URL, or the local
 * server of the data folder (attaching to it when `npm start` runs it, else starting it and
 * stopping it again at shutdown).
 */
@Injectable()
export class MeiliConnectionService implements OnApplicationShutdown {
  private readonly logger = new Logger(MeiliConnectionService.name);
  private local: LocalMeilisearchServer | undefined;
  private resolved: Promise<ResolvedMeili> | undefined;

  constructor(@Inject(INDEXER_CONFIG) private readonly config: IndexerConfig) {}

  /**
   * The connection, established on first use. `supervise` (serve) restarts a local server this
   * process starts whenever it dies.
   */
  connect(options: { supervise?: boolean } = {}): Promise<ResolvedMeili> {
    this.resolved ??= this.establish(options.supervise === true);
    return this.resolved;
  }

  private async establish(supervise: boolean): Promise<ResolvedMeili> {
    if (this.config.external !== null) {
      const { url, masterKey } = this.config.external;
      return {
        url,
        masterKey,
        repository: new MeiliRepository({ url, apiKey: masterKey, timeoutMs: 30_000 }),
      };
    }
    this.local = await LocalMeilisearchServer.startOrAttach({
      dataDir: this.config.dataDir,
      environment: this.config.childEnv,
      supervise,
      log: (message) => {
        this.logger.log(message);
      },
    });
    const { url, masterKey } = this.local;
    return {
      url,
      masterKey,
      repository: new MeiliRepository({ url, apiKey: masterKey, timeoutMs: 30_000 }),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.local?.owned === true) {
      this.logger.log('stopping local Meilisearch');
      await this.local.stop();
    }
  }
}
