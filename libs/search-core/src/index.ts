/**
 * Meilisearch access for the apps: the managed local server, the repository, index settings,
 * zero-downtime reindexing, query building and snippet rendering, with typed errors.
 */
export * from './errors/search-core.error.js';
export {
  LocalMeilisearchServer,
  type LocalMeilisearchOptions,
} from './server/local-meilisearch.server.js';
export { isMeilisearchHealthy } from './server/health.js';
export { canTieChildren, spawnTiedToParent } from './server/child-process.js';
export { MEILISEARCH_BINARY_PACKAGE } from './server/meilisearch-binary.js';
export { MASTER_KEY_FILE } from './server/master-key.js';
export {
  MeiliRepository,
  type MeiliConnection,
  type IndexSummary,
  type TaskOutcome,
  type TaskWait,
} from './meili/meili.repository.js';
export { requestJson, type JsonResponse } from './meili/node-http.client.js';
export { loadIndexSettings, type IndexSettingsFile } from './settings/index-settings.js';
export {
  primaryKeyFor,
  toArticleDocument,
  analyzeArticle,
  type AnalyzedArticle,
  toUnixSeconds,
  type ArticleDocument,
  type ArticleInput,
  type CounterpartSource,
  type StoredArticle,
} from './documents/article-document.js';
export {
  IndexBuilder,
  writerKeyName,
  type IndexProgress,
  type ReindexOptions,
  type ReindexResult,
} from './indexing/index-builder.js';
export {
  documentBatches,
  payloadOf,
  DEFAULT_BATCH_BYTES,
  type BatchOptions,
  type DocumentBatch,
} from './indexing/document-batches.js';
export { BatchWriter, type BatchOutcome, type RejectedDocument } from './indexing/batch-writer.js';
export {
  DEFAULT_LOCK_TTL_MS,
  IndexLock,
  lockIndexOf,
  type IndexLockOptions,
} from './indexing/index-lock.js';
export { settingsMismatches } from './settings/settings-check.js';
export { searchReadiness, type SearchReadiness } from './query/search-readiness.js';
export { CROSS_LINGUAL_SEARCH_FIELDS, NATIVE_SEARCH_FIELDS } from './documents/search-fields.js';
export {
  buildMeiliQuery,
  FREQUENCY_MATCHING_MIN_WORDS,
  MEILI_QUERY_WORD_LIMIT,
  type MeiliQuery,
} from './query/meili-query.builder.js';
export {
  mergeRankings,
  unionFacetCounts,
  type MergeOrder,
  type RankedHit,
} from './query/merge-rankings.js';
export { highlightText, renderSnippet, type SnippetOptions } from './snippets/snippet.renderer.js';
export { escapeHtml } from './snippets/html-escape.js';
export { matchTerms } from './snippets/match-terms.js';
export { termHash, bagHash } from './ranking/term-hash.js';
export {
  buildTermBag,
  encodeTermBag,
  readTermBag,
  bagTerms,
  type BagTerm,
  type TermBag,
  type FieldCounts,
} from './ranking/term-bag.js';
export { TermStatistics, TermStatisticsBuilder } from './ranking/term-statistics.js';
export {
  readTermStatistics,
  statisticsIndexOf,
  termStatisticsGeneration,
  writeTermStatistics,
} from './ranking/term-statistics.store.js';
export {
  Bm25fScorer,
  scoredTerms,
  type Bm25fScore,
  type ScoredTerm,
  type TermContribution,
} from './ranking/bm25f.js';
export { RANKING, candidateDepth, type RankingParameters } from './ranking/ranking-parameters.js';
export {
  rankCandidates,
  type Candidate,
  type CandidateLists,
  type ScoredHit,
  type ScoreExplanation,
  type StageScorers,
} from './ranking/second-stage.js';
export {
  allNodes,
  parseShardLayout,
  shardIndexOf,
  ShardLayoutError,
  type Shard,
  type ShardLayout,
  type ShardNode,
} from './cluster/shard-layout.js';
export { shardLayoutSchema } from './cluster/shard-layout.schema.js';
export {
  LockSet,
  singleNodeTargets,
  splitByShard,
  targetNodes,
  targetShardOf,
  type IndexTargets,
  type TargetNode,
  type TargetShard,
} from './cluster/index-targets.js';
export type {
  ArticleFilter,
  ArticleSearchParams,
  ArticleSearchPort,
  ArticleSort,
  ArticleSearchResponse,
  ShardReadiness,
} from './cluster/article-search.port.js';
export { SingleNodeSearch } from './cluster/single-node.search.js';
export { ShardedSearch, type ShardedSearchOptions } from './cluster/sharded.search.js';
