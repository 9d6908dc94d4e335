/**
 * A bounded memo in two generations: lookups hit the young map first, then the old one; when
 * the young map is full it becomes the old one. Memory stays under 2 x capacity entries and
 * every operation is O(1), unlike an LRU list.
 */
export class BoundedCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  /**
   * @param capacity entries per generation
   * @param retainKey turns a key into the form kept in the map (see `detachString`)
   */
  constructor(
    private readonly capacity: number,
    private readonly retainKey: (key: string) => string = (key) => key,
  ) {}

  /** The cached value for `key`, computing it with `compute` on a miss. */
  get(key: string, compute: (key: string) => V): V {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const value = this.old.has(key) ? (this.old.get(key) as V) : compute(key);
    if (this.young.size >= this.capacity) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(this.retainKey(key), value);
    return value;
  }

  /** Number of entries held, at most twice the capacity. */
  get size(): number {
    return this.young.size + this.old.size;
  }
}

/**
 * A copy of `text` that does not keep a larger string alive. V8 represents substrings of 13 or
 * more characters as views into their parent, so caching a word sliced from an article would
 * keep the whole article in memory for as long as the entry lives.
 */
export function detachString(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
