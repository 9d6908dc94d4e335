import type { StoredArticle } from '../documents/article-document.js';
import { meiliSearchParams } from '../meili/article-filter.js';
import type { MeiliRepository } from '../meili/meili.repository.js';
import { searchReadiness } from '../query/search-readiness.js';
import type {
  ArticleSearchParams,
  ArticleSearchPort,
  ArticleSearchResponse,
  ShardReadiness,
} from './article-search.port.js';

/** The search port on one Meilisearch node: every article is there, nothing is partial. */
export class SingleNodeSearch implements ArticleSearchPort {
  constructor(private readonly repository: MeiliRepository) {}

  async search(
    uid: string,
    query: string,
    params: ArticleSearchParams,
  ): Promise<ArticleSearchResponse> {
    return {
      ...(await this.repository.search(uid, query, meiliSearchParams(params))),
      missingShards: [],
    };
  }

  getDocuments(
    uid: string,
    keys: string[],
    fields: Array<keyof StoredArticle>,
  ): Promise<StoredArticle[]> {
    return this.repository.getDocuments(uid, keys, fields);
  }

  getDocument(uid: string, key: string): Promise<StoredArticle> {
    return this.repository.getDocument(uid, key);
  }

  metadataNode(): MeiliRepository {
    return this.repository;
  }

  async readiness(uid: string): Promise<ShardReadiness[]> {
    return [
      { shard: 'single', node: 'single', readiness: await searchReadiness(this.repository, uid) },
    ];
  }
}
