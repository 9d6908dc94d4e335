import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import {
  readTermStatistics,
  statisticsIndexOf,
  termStatisticsGeneration,
  type ArticleSearchPort,
  type TermStatistics,
} from '@lib/search-core';
import { ARTICLE_SEARCH } from '../article-search.provider.js';
import { SEARCH_API_CONFIG, type SearchApiConfig } from '../config/search-api.config.js';

/**
 * How often the API asks whether a reindex swapped in new statistics: one small document read.
 * Until it notices, the old statistics rank the new index, which differ only as the corpus did.
 */
const REFRESH_MS = 10_000;

/**
 * The term statistics of the live index, loaded at start-up and reloaded when a reindex swaps
 * in new ones. Without statistics (an index built before they existed, or a key that may not
 * read them) search keeps Meilisearch's order and says so in the log.
 */
@Injectable()
export class TermStatisticsHolder implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('TermStatistics');
  private statistics: TermStatistics | null = null;
  private generation: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(
    @Inject(ARTICLE_SEARCH) private readonly search: ArticleSearchPort,
    @Inject(SEARCH_API_CONFIG) private readonly config: SearchApiConfig,
  ) {}

  /** The statistics in force, or null when none could be read. */
  current(): TermStatistics | null {
    return this.statistics;
  }

  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer !== null) clearInterval(this.timer);
  }

  /** Loads the statistics when their generation changed; failures keep what is loaded. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    const uid = statisticsIndexOf(this.config.meili.index);
    try {
      // Every shard holds the same statistics (of the whole corpus): any node answers.
      const node = this.search.metadataNode();
      const generation = await termStatisticsGeneration(node, uid);
      if (generation === this.generation) return;
      const started = performance.now();
      const read = generation === null ? null : await readTermStatistics(node, uid);
      this.statistics = read?.statistics ?? null;
      this.generation = read?.generation ?? null;
      if (read === null) {
        this.logger.warn(
          `no term statistics in ${uid}: results keep Meilisearch's order until a reindex writes them`,
        );
        return;
      }
      this.logger.log(
        `loaded statistics of ${String(read.statistics.terms)} terms over ${String(read.statistics.documents)} articles (${read.generation}) in ${String(Math.round(performance.now() - started))} ms`,
      );
    } catch (error) {
      this.logger.warn(
        `term statistics of ${uid} unreadable (${error instanceof Error ? error.message : String(error)}): ${this.statistics === null ? "results keep Meilisearch's order" : 'the loaded ones stay in force'}`,
      );
    }
  }
}
