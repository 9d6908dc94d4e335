import { Inject, Injectable, Logger } from '@nestjs/common';
import { IndexLockedError, loadIndexSettings, spawnTiedToParent } from '@lib/search-core';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config.js';
import { IndexingService } from '../indexing/indexing.service.js';
import { MeiliConnectionService } from '../meili/meili-connection.service.js';
import { SEARCH_KEY_NAME, searchKeyIndexes } from './search-key.js';

/**
 * The search API's live data is the lexicon and counterparts (about 7 MB, kept as their
 * compiled text) and bounded caches that grow with use; capping the old space and the young
 * generation makes V8 collect before the process grows past its 200 MB budget (as in the
 * Dockerfile and the benchmark). A larger young generation costs less CPU under load (API CPU
 * per search at 32 connections: 3.4 ms with 4 MB, 2.6 with 8, 2.3 with 16) but raised the
 * peak RSS from 185 to 199 and 216 MB in the same run, so it stays at 4 MB.
 */
export const SEARCH_API_NODE_FLAGS = ['--max-old-space-size=128', '--max-semi-space-size=4'];

/**
 * The main job: Meilisearch up (the local one by default), the sample corpus indexed when the
 * live index is empty, then the search API run as a child process holding only a search key.
 */
@Injectable()
export class ServeCommand {
  private readonly logger = new Logger(ServeCommand.name);

  constructor(
    private readonly meili: MeiliConnectionService,
    private readonly indexing: IndexingService,
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
  ) {}

  /** Runs until the search API exits or the signal fires; resolves to the exit code. */
  async run(signal: AbortSignal): Promise<number> {
    const { url, repository, sharded } = await this.meili.connect({ supervise: true });
    const summary = await repository.summary(this.config.index);
    if (summary === null || summary.documents === 0) {
      this.logger.log(
        `index "${this.config.index}" is empty: indexing the samples in ${this.config.samplesDir}`,
      );
      await this.indexSamples(signal);
    } else {
      await repository.applySettings(
        this.config.index,
        await loadIndexSettings(this.config.settingsPath),
      );
      this.logger.log(`index "${this.config.index}" holds ${summary.documents} documents`);
    }
    await this.meili.joinShards(SEARCH_KEY_NAME, searchKeyIndexes(this.config.index));
    const searchKey =
      this.config.searchKey ??
      (await repository.ensureSearchKey(SEARCH_KEY_NAME, searchKeyIndexes(this.config.index)));
    // With shards the search API reads MEILI_SHARDS, passed on like the rest of the environment.
    return this.runSearchApi(sharded ? null : url, searchKey, signal);
  }

  /**
   * Indexes the sample corpus into the empty index; when another run is writing to it (an
   * operator's first reindex), that run's index is what gets served, and serve starts anyway.
   */
  private async indexSamples(signal: AbortSignal): Promise<void> {
    try {
      const report = await this.indexing.reindex([this.config.samplesDir], {
        dryRun: false,
        tty: false,
        signal,
      });
      this.logger.log({ msg: 'samples indexed', documents: report.indexed, failed: report.failed });
    } catch (error) {
      if (!(error instanceof IndexLockedError)) throw error;
      this.logger.warn(`samples not indexed: ${error.message}`);
    }
  }

  private runSearchApi(
    url: string | null,
    searchKey: string,
    signal: AbortSignal,
  ): Promise<number> {
    // Tied to this process: if serve is killed, even with SIGKILL, the API exits and frees
    // its port instead of making the next start fail with EADDRINUSE.
    const child = spawnTiedToParent(
      process.execPath,
      [...SEARCH_API_NODE_FLAGS, this.config.api.entry],
      {
        stdio: 'inherit',
        env: {
          ...this.config.childEnv,
          PORT: String(this.config.api.port),
          HOST: this.config.api.host,
          ...(url === null ? {} : { MEILI_URL: url }),
          MEILI_API_KEY: searchKey,
          MEILI_INDEX: this.config.index,
        },
      },
    );
    const stop = (): void => {
      child.kill('SIGTERM');
    };
    signal.addEventListener('abort', stop, { once: true });
    return new Promise((resolve) => {
      child.once('exit', (code, killedBy) => {
        signal.removeEventListener('abort', stop);
        this.logger.log(`search API exited (${killedBy ?? `code ${code ?? 0}`})`);
        resolve(signal.aborted ? 0 : (code ?? 1));
      });
    });
  }
}
