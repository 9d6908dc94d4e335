import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  allNodes,
  ClusterSetupError,
  LocalMeilisearchServer,
  MeiliRepository,
  singleNodeTargets,
  targetNodes,
  type IndexTargets,
} from '@lib/search-core';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config.js';

/** Where the indexer's Meilisearch is and with which admin key. */
export interface ResolvedMeili {
  /** The node of bookkeeping (the last reindex, the lock of a single node): the first one. */
  url: string;
  masterKey: string;
  repository: MeiliRepository;
  /** Every node the indexer writes to, by shard (one shard of one node when not sharded). */
  targets: IndexTargets;
  sharded: boolean;
}

/** An admin connection: long requests (settings, swaps) are normal for the indexer. */
function adminRepository(url: string, masterKey: string): MeiliRepository {
  return new MeiliRepository({ url, apiKey: masterKey, timeoutMs: 30_000 });
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
    if (this.config.shards !== null) {
      const { layout, masterKey } = this.config.shards;
      const targets: IndexTargets = {
        shards: layout.shards.map((shard) => ({
          name: shard.name,
          nodes: shard.nodes.map((node) => ({
            name: node.name,
            repository: adminRepository(node.url, masterKey),
          })),
        })),
      };
      const first = targets.shards[0]?.nodes[0];
      const url = layout.shards[0]?.nodes[0]?.url;
      if (first === undefined || url === undefined) throw new Error('no shard');
      return { url, masterKey, repository: first.repository, targets, sharded: true };
    }
    if (this.config.external !== null) {
      const { url, masterKey } = this.config.external;
      const repository = adminRepository(url, masterKey);
      return { url, masterKey, repository, targets: singleNodeTargets(repository), sharded: false };
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
    const repository = adminRepository(url, masterKey);
    return { url, masterKey, repository, targets: singleNodeTargets(repository), sharded: false };
  }

  /**
   * Readies the shards' nodes for remote federated search: the search key on every node (the
   * same value everywhere, as they share the master key), and each node told its own name
   * and every node's address and search key. Nothing to do on one node.
   */
  async joinShards(searchKeyName: string, indexes: string[]): Promise<void> {
    const { targets, sharded } = await this.connect();
    if (!sharded || this.config.shards === null) return;
    const nodes = targetNodes(targets);
    const keys = await Promise.all(
      nodes.map((node) => node.repository.ensureSearchKey(searchKeyName, indexes)),
    );
    const key = keys[0] ?? '';
    const other = nodes.find((_, i) => keys[i] !== key);
    if (other !== undefined) {
      throw new ClusterSetupError(
        `the search key "${searchKeyName}" differs on ${other.name}: every node needs the same master key (delete the key there to have it made again)`,
      );
    }
    const remotes = Object.fromEntries(
      allNodes(this.config.shards.layout).map((node) => [
        node.name,
        { url: node.url, searchApiKey: key },
      ]),
    );
    for (const node of nodes) await node.repository.joinNetwork({ self: node.name, remotes });
    this.logger.log(
      `${String(nodes.length)} nodes of ${String(targets.shards.length)} shards joined`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.local?.owned === true) {
      this.logger.log('stopping local Meilisearch');
      await this.local.stop();
    }
  }
}
