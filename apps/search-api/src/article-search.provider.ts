import {
  MeiliRepository,
  ShardedSearch,
  SingleNodeSearch,
  type ArticleSearchPort,
} from '@lib/search-core';
import type { SearchApiConfig } from './config/search-api.config.js';

/** Dependency-injection token of the search port (ArticleSearchPort). */
export const ARTICLE_SEARCH = Symbol('ARTICLE_SEARCH');

/** The search port the configuration asks for: one node, or shards. */
export function articleSearchFor(config: SearchApiConfig): ArticleSearchPort {
  const { url, shards, apiKey, timeoutMs } = config.meili;
  if (shards !== null) return new ShardedSearch({ layout: shards, apiKey, timeoutMs });
  if (url === null) throw new Error('MEILI_URL or MEILI_SHARDS must be set');
  return new SingleNodeSearch(
    new MeiliRepository({
      url,
      apiKey,
      timeoutMs,
      // Within the same budget: a search that meets a restarting Meilisearch waits for it.
      readRetryMs: timeoutMs,
    }),
  );
}
