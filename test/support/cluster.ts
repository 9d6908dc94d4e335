import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalMeilisearchServer, MASTER_KEY_FILE } from '@lib/search-core';

/** Local Meilisearch nodes sharing one master key, as the nodes of a cluster do. */
export class LocalCluster {
  private constructor(
    private readonly dir: string,
    readonly masterKey: string,
    readonly nodes: LocalMeilisearchServer[],
  ) {}

  /** Starts `count` nodes in folders under `dir`, each with the same master key. */
  static async start(dir: string, count: number): Promise<LocalCluster> {
    const masterKey = randomBytes(24).toString('base64url');
    const nodes: LocalMeilisearchServer[] = [];
    for (let i = 0; i < count; i++)
      nodes.push(await startNode(join(dir, `node${String(i)}`), masterKey));
    return new LocalCluster(dir, masterKey, nodes);
  }

  /** MEILI_SHARDS for these nodes, one shard each. */
  get shards(): string {
    return this.nodes.map((node) => node.url).join(',');
  }

  /** Stops node `i` (its data stays). */
  async stop(i: number): Promise<void> {
    await this.node(i).stop();
  }

  /** Starts node `i` again on its address, with its data. */
  async restart(i: number): Promise<void> {
    const port = Number(new URL(this.node(i).url).port);
    this.nodes[i] = await startNode(join(this.dir, `node${String(i)}`), this.masterKey, port);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop().catch(() => undefined)));
  }

  private node(i: number): LocalMeilisearchServer {
    const node = this.nodes[i];
    if (node === undefined) throw new Error(`no node ${String(i)}`);
    return node;
  }
}

async function startNode(
  dataDir: string,
  masterKey: string,
  port?: number,
): Promise<LocalMeilisearchServer> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFile(join(dataDir, MASTER_KEY_FILE), `${masterKey}\n`, { mode: 0o600 });
  return LocalMeilisearchServer.startOrAttach({ dataDir, port, environment: {} });
}
