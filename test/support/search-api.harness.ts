import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { inject } from 'vitest';
import { loadArticleCounterparts, type ArticleCounterparts } from '@lib/cross-lingual';
import {
  IndexBuilder,
  loadIndexSettings,
  MeiliRepository,
  statisticsIndexOf,
  type ArticleInput,
} from '@lib/search-core';
import { AppModule } from '../../apps/search-api/src/app.module.js';
import {
  loadSearchApiConfig,
  type SearchApiConfig,
} from '../../apps/search-api/src/config/search-api.config.js';
import { configureApp } from '../../apps/search-api/src/configure-app.js';
import { SETTINGS_PATH } from './samples.js';

let counter = 0;

/** A unique index uid for this run and file. */
export function uniqueIndex(label: string): string {
  const { runId } = inject('meili');
  return `e2e_${label}_${runId}_${++counter}`;
}

/** The admin repository of the e2e Meilisearch. */
export function adminRepository(): MeiliRepository {
  const { url, masterKey } = inject('meili');
  return new MeiliRepository({ url, apiKey: masterKey });
}

let counterparts: ArticleCounterparts | undefined;

/**
 * Builds `index` from records with the real settings and the counterparts the indexer stores,
 * through the zero-downtime path.
 */
export async function buildIndex(index: string, records: ArticleInput[]): Promise<void> {
  const settings = await loadIndexSettings(SETTINGS_PATH);
  counterparts ??= loadArticleCounterparts();
  await new IndexBuilder(adminRepository()).reindex({
    liveIndex: index,
    settings,
    records,
    counterparts,
  });
}

/** A running search API (same app module and global setup as production) on a search-only key. */
export interface SearchApiHarness {
  app: NestExpressApplication;
  config: SearchApiConfig;
  close(): Promise<void>;
}

/** Starts the search API against `index`, listening on a free loopback port. */
export async function startSearchApi(
  index: string,
  env: Record<string, string> = {},
): Promise<SearchApiHarness> {
  const { url } = inject('meili');
  const searchKey = await adminRepository().ensureSearchKey(`search-${index}`, [
    index,
    statisticsIndexOf(index),
  ]);
  const config = loadSearchApiConfig({
    MEILI_URL: url,
    MEILI_API_KEY: searchKey,
    MEILI_INDEX: index,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    PORT: '1',
    ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    logger: ['error'],
  });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  return { app, config, close: () => app.close() };
}
