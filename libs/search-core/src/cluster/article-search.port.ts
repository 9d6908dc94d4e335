import type { SearchParams, SearchResponse } from 'meilisearch';
import type { StoredArticle } from '../documents/article-document.js';
import type { MeiliRepository } from '../meili/meili.repository.js';
import type { SearchReadiness } from '../query/search-readiness.js';

/** Which articles a search may return; every field narrows. */
export interface ArticleFilter {
  lang?: string;
  source?: string;
  /** Published at or after, in unix seconds. */
  fromSeconds?: number;
  /** Published at or before, in unix seconds. */
  toSeconds?: number;
}

/** An order by publication date; without one, by relevance. */
export type ArticleSort = 'date_desc' | 'date_asc';

/** The parameters of one search of the article index. */
export type ArticleSearchParams = Omit<SearchParams, 'offset' | 'limit' | 'filter' | 'sort'> & {
  offset?: number;
  limit?: number;
  filter?: ArticleFilter;
  sort?: ArticleSort;
};

/** One search's answer; `missingShards` names the shards that did not answer (partial). */
export type ArticleSearchResponse = SearchResponse<StoredArticle> & { missingShards: string[] };

/** How one shard (or the single node) answers: ready to search, and how many articles. */
export interface ShardReadiness {
  shard: string;
  readiness: SearchReadiness;
  /** The node that answered, or the last one asked. */
  node: string;
}

/**
 * What the search API asks of the search engine: searches, stored articles by key, metadata
 * reads and readiness. One Meilisearch node (SingleNodeSearch) and shards searched through
 * Meilisearch's remote federated search (ShardedSearch) are its two implementations.
 */
export interface ArticleSearchPort {
  search(uid: string, query: string, params: ArticleSearchParams): Promise<ArticleSearchResponse>;
  /** Stored articles by key, in the order of `keys`; those of unreachable shards left out. */
  getDocuments(
    uid: string,
    keys: string[],
    fields: Array<keyof StoredArticle>,
  ): Promise<StoredArticle[]>;
  getDocument(uid: string, key: string): Promise<StoredArticle>;
  /**
   * A node to read what every node holds alike (the term statistics, written to each shard):
   * the first one that answered last.
   */
  metadataNode(): MeiliRepository;
  /** The readiness of each shard (one entry for a single node). */
  readiness(uid: string): Promise<ShardReadiness[]>;
}
