/**
 * How articles are spread over Meilisearch nodes: shards, each holding the articles whose key
 * hashes to it, and each served by one or more nodes (replicas holding the same articles).
 */

/** One Meilisearch node of a shard. */
export interface ShardNode {
  /** The node's name in Meilisearch's network (`s<shard>r<replica>`), unique in the layout. */
  name: string;
  url: string;
}

/** One shard: the nodes that each hold all of its articles. */
export interface Shard {
  /** `s0`, `s1`, …: the shard's position, which the routing hash depends on. */
  name: string;
  nodes: ShardNode[];
}

/** The shards in routing order. Changing their number moves articles: a full reindex. */
export interface ShardLayout {
  shards: Shard[];
}

/** A layout description that cannot be used, with the reason. */
export class ShardLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardLayoutError';
  }
}

/**
 * Reads a layout from its description: shards separated by commas, the replicas of a shard
 * by `|`, each an http(s) URL. `http://a:7700|http://a2:7700,http://b:7700` is two shards, the
 * first with two replicas.
 */
export function parseShardLayout(description: string): ShardLayout {
  const shards = description
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part, shard): Shard => {
      const nodes = part
        .split('|')
        .map((url) => url.trim())
        .filter((url) => url.length > 0)
        .map((url, replica): ShardNode => {
          if (!isHttpUrl(url))
            throw new ShardLayoutError(`shard ${String(shard)}: "${url}" is not an http(s) URL`);
          return { name: `s${String(shard)}r${String(replica)}`, url: url.replace(/\/+$/, '') };
        });
      return { name: `s${String(shard)}`, nodes };
    });
  if (shards.length === 0) throw new ShardLayoutError('no shard is named');
  const urls = shards.flatMap((shard) => shard.nodes.map((node) => node.url));
  const repeated = urls.find((url, i) => urls.indexOf(url) !== i);
  if (repeated !== undefined)
    throw new ShardLayoutError(`${repeated} is named twice: each node holds one shard`);
  return { shards };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The shard of an article's key: FNV-1a (32 bits) of its UTF-8 bytes, modulo the number of
 * shards. Stable across processes, machines and versions, so `add` and `delete` find the
 * shard `reindex` put an article on.
 */
export function shardIndexOf(key: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(key)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

/** Every node of the layout, shard by shard. */
export function allNodes(layout: ShardLayout): ShardNode[] {
  return layout.shards.flatMap((shard) => shard.nodes);
}
