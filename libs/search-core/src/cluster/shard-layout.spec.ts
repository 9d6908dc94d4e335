import { describe, expect, it } from 'vitest';
import { allNodes, parseShardLayout, ShardLayoutError, shardIndexOf } from './shard-layout.js';

describe('parseShardLayout', () => {
  it('reads shards separated by commas and their replicas by |', () => {
    const layout = parseShardLayout(' http://a:7700|http://a2:7700/ , http://b:7700 ');
    expect(layout.shards).toEqual([
      {
        name: 's0',
        nodes: [
          { name: 's0r0', url: 'http://a:7700' },
          { name: 's0r1', url: 'http://a2:7700' },
        ],
      },
      { name: 's1', nodes: [{ name: 's1r0', url: 'http://b:7700' }] },
    ]);
    expect(allNodes(layout).map((node) => node.name)).toEqual(['s0r0', 's0r1', 's1r0']);
  });

  it('refuses an empty layout, a URL that is not http(s) and a node named twice', () => {
    expect(() => parseShardLayout(' , ')).toThrow(ShardLayoutError);
    expect(() => parseShardLayout('http://a:7700,ftp://b')).toThrow(
      'shard 1: "ftp://b" is not an http(s) URL',
    );
    expect(() => parseShardLayout('http://a:7700,http://a:7700/')).toThrow(
      'http://a:7700 is named twice',
    );
  });
});

describe('shardIndexOf', () => {
  it('is FNV-1a of the UTF-8 key, so every process routes a key alike', () => {
    // FNV-1a 32 of "a" is 0xe40c292c; of the empty string the offset basis 0x811c9dc5.
    expect(shardIndexOf('a', 2 ** 31)).toBe(0xe40c292c % 2 ** 31);
    expect(shardIndexOf('', 1000)).toBe(0x811c9dc5 % 1000);
    expect(shardIndexOf('ria-2023-ключ', 3)).toBe(shardIndexOf('ria-2023-ключ', 3));
  });

  it('spreads keys evenly over the shards', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[shardIndexOf(`rt-${String(i)}`, 3)]!++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});
