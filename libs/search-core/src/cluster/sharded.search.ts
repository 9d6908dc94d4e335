import { MeilisearchRequestTimeOutError, type MultiSearchQueryWithFederation } from 'meilisearch';
import type { StoredArticle } from '../documents/article-document.js';
import { MeilisearchUnavailableError } from '../errors/search-core.error.js';
import { meiliSearchParams } from '../meili/article-filter.js';
import { MeiliRepository } from '../meili/meili.repository.js';
import { searchReadiness } from '../query/search-readiness.js';
import type {
  ArticleSearchParams,
  ArticleSearchPort,
  ArticleSearchResponse,
  ShardReadiness,
} from './article-search.port.js';
import { shardIndexOf, type Shard, type ShardLayout, type ShardNode } from './shard-layout.js';

/**
 * A node that cannot be reached is down; one that answers too slowly is busy, not down: passing
 * a busy node over would move its load onto the others and, under load, mark every node down.
 */
function isNodeDown(error: unknown): boolean {
  if (!(error instanceof MeilisearchUnavailableError)) return false;
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause)
    if (cause instanceof MeilisearchRequestTimeOutError) return false;
  return true;
}

/** How the search API reaches the shards. */
export interface ShardedSearchOptions {
  layout: ShardLayout;
  /** The search key, the same on every node (the indexer creates it alike everywhere). */
  apiKey: string;
  timeoutMs: number;
  /** How long a node that failed is passed over before it is asked again (5 s). */
  downForMs?: number;
}

const DOWN_FOR_MS = 5_000;
/** Remote errors of a federated search that mean the remote node is unreachable or hangs. */
const REMOTE_DOWN_CODES = new Set(['remote_could_not_send_request', 'remote_timeout']);

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/**
 * The search port over shards: each search is one remote federated multi-search sent to a
 * live node, which asks one live node of every shard (itself among them) and merges their
 * hits by ranking score, their facets and their totals. A node that fails is passed over for
 * a few seconds and its shard asked on another replica; a shard with no live node is left
 * out and named in `missingShards`.
 */
export class ShardedSearch implements ArticleSearchPort {
  private readonly repositories = new Map<string, MeiliRepository>();
  private readonly downUntil = new Map<string, number>();
  private readonly nodes: ShardNode[];
  private turn = 0;

  constructor(private readonly options: ShardedSearchOptions) {
    this.nodes = options.layout.shards.flatMap((shard) => shard.nodes);
    for (const node of this.nodes) {
      this.repositories.set(
        node.name,
        new MeiliRepository({
          url: node.url,
          apiKey: options.apiKey,
          timeoutMs: options.timeoutMs,
        }),
      );
    }
  }

  async search(
    uid: string,
    query: string,
    params: ArticleSearchParams,
  ): Promise<ArticleSearchResponse> {
    const { limit = 20, offset = 0, facets, ...perQuery } = meiliSearchParams(params);
    const federation = {
      limit,
      offset,
      ...(facets === undefined || facets.length === 0
        ? {}
        : { facetsByIndex: { [uid]: facets }, mergeFacets: {} }),
    };
    // Each try asks the shards' live nodes through another coordinator; a remote that fails
    // is marked down, so the next try asks its shard's other replica.
    for (let tries = 0; tries < this.nodes.length; tries++) {
      // When every node was passed over, the one passed over longest is asked anyway.
      const coordinator = this.liveNodes(this.nodes, { all: true })[0];
      if (coordinator === undefined) break;
      const asked = this.options.layout.shards.map((shard) => ({
        shard,
        node: this.liveNodes(shard.nodes)[0],
      }));
      const queries: MultiSearchQueryWithFederation[] = asked.flatMap(({ node }) =>
        node === undefined
          ? []
          : [
              {
                indexUid: uid,
                q: query,
                ...perQuery,
                federationOptions: { weight: 1, remote: node.name },
              },
            ],
      );
      if (queries.length === 0) break;
      let response;
      try {
        response = await this.repository(coordinator).federatedSearch({ federation, queries });
      } catch (error) {
        if (!isNodeDown(error)) throw error;
        this.markDown(coordinator);
        continue;
      }
      const errors = Object.entries(response.remoteErrors ?? {});
      const failed = new Set(errors.map(([name]) => name));
      // A remote that cannot be reached is passed over; one that refused the query is not.
      const down = errors.filter(([, error]) => REMOTE_DOWN_CODES.has(codeOf(error)));
      for (const [name] of down) this.markDown(this.nodeNamed(name));
      const retry = asked.some(
        ({ shard, node }) =>
          node !== undefined &&
          down.some(([name]) => name === node.name) &&
          this.liveNodes(shard.nodes).length > 0,
      );
      if (retry) continue;
      const { remoteErrors: _remoteErrors, ...answer } = response;
      return {
        ...answer,
        hits: answer.hits.map((hit) => ({
          ...hit,
          _rankingScore: hit._rankingScore ?? hit._federation?.weightedRankingScore,
        })),
        facetDistribution: answer.facetDistribution ?? {},
        missingShards: asked
          .filter(({ node }) => node === undefined || failed.has(node.name))
          .map(({ shard }) => shard.name),
      };
    }
    throw new MeilisearchUnavailableError(
      `no node of the ${String(this.options.layout.shards.length)} shards answers (search ${uid})`,
    );
  }

  async getDocuments(
    uid: string,
    keys: string[],
    fields: Array<keyof StoredArticle>,
  ): Promise<StoredArticle[]> {
    const shards = this.options.layout.shards;
    const byShard = new Map<Shard, string[]>();
    for (const key of keys) {
      const shard = shards[shardIndexOf(key, shards.length)];
      if (shard === undefined) continue;
      const shardKeys = byShard.get(shard);
      if (shardKeys === undefined) byShard.set(shard, [key]);
      else shardKeys.push(key);
    }
    const found = await Promise.all(
      [...byShard].map(([shard, shardKeys]) =>
        this.onShard(shard, (repository) => repository.getDocuments(uid, shardKeys, fields)).catch(
          (error: unknown) => {
            // A page keeps the articles of the shards that answer.
            if (error instanceof MeilisearchUnavailableError) return [];
            throw error;
          },
        ),
      ),
    );
    const byKey = new Map(found.flat().map((article) => [article.key, article]));
    return keys.flatMap((key) => byKey.get(key) ?? []);
  }

  getDocument(uid: string, key: string): Promise<StoredArticle> {
    const shards = this.options.layout.shards;
    const shard = shards[shardIndexOf(key, shards.length)] ?? shards[0];
    if (shard === undefined) throw new MeilisearchUnavailableError('no shard');
    return this.onShard(shard, (repository) => repository.getDocument(uid, key));
  }

  metadataNode(): MeiliRepository {
    const node = this.liveNodes(this.nodes)[0] ?? this.nodes[0];
    if (node === undefined) throw new MeilisearchUnavailableError('no node');
    return this.repository(node);
  }

  async readiness(uid: string): Promise<ShardReadiness[]> {
    return Promise.all(
      this.options.layout.shards.map(async (shard): Promise<ShardReadiness> => {
        let last: ShardReadiness | undefined;
        for (const node of this.liveNodes(shard.nodes, { all: true })) {
          const readiness = await searchReadiness(this.repository(node), uid);
          last = { shard: shard.name, node: node.name, readiness };
          if (readiness.ready) return last;
          this.markDown(node);
        }
        return (
          last ?? { shard: shard.name, node: '', readiness: { ready: false, reason: 'no node' } }
        );
      }),
    );
  }

  /** Runs `call` on the shard's live nodes in turn until one answers. */
  private async onShard<T>(
    shard: Shard,
    call: (repository: MeiliRepository) => Promise<T>,
  ): Promise<T> {
    let lastError: unknown = new MeilisearchUnavailableError(
      `no node of shard ${shard.name} answers`,
    );
    for (const node of this.liveNodes(shard.nodes, { all: true })) {
      try {
        return await call(this.repository(node));
      } catch (error) {
        if (!isNodeDown(error)) throw error;
        this.markDown(node);
        lastError = error;
      }
    }
    throw lastError;
  }

  /**
   * The nodes not marked down, the coordinators taking turns; with `all`, the nodes marked down
   * follow (for reads that would rather wait on a node than give up).
   */
  private liveNodes(nodes: ShardNode[], { all = false } = {}): ShardNode[] {
    const now = Date.now();
    const start = this.turn++ % Math.max(nodes.length, 1);
    const rotated = [...nodes.slice(start), ...nodes.slice(0, start)];
    const downUntil = (node: ShardNode): number => this.downUntil.get(node.name) ?? 0;
    const live = rotated.filter((node) => downUntil(node) <= now);
    if (!all) return live;
    const down = rotated.filter((node) => !live.includes(node));
    return [...live, ...down.sort((a, b) => downUntil(a) - downUntil(b))];
  }

  private markDown(node: ShardNode | undefined): void {
    if (node !== undefined)
      this.downUntil.set(node.name, Date.now() + (this.options.downForMs ?? DOWN_FOR_MS));
  }

  private nodeNamed(name: string): ShardNode | undefined {
    return this.nodes.find((node) => node.name === name);
  }

  private repository(node: ShardNode): MeiliRepository {
    const repository = this.repositories.get(node.name);
    if (repository === undefined) throw new Error(`unknown node ${node.name}`);
    return repository;
  }
}
