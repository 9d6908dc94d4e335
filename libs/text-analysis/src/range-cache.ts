import { detachString } from './bounded-cache.js';

/** FNV-1a over the UTF-16 code units of `text[start, end)`. */
export function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** Slots a table starts with; it doubles as it fills, up to what the capacity needs. */
const INITIAL_SLOTS = 1024;

/** One open-addressing table: keys compared by their characters against a range of any text. */
class RangeTable<V> {
  hashes: Int32Array;
  keys: Array<string | null>;
  values: Array<V | undefined>;
  mask: number;
  size = 0;

  constructor(slots: number) {
    this.mask = slots - 1;
    this.hashes = new Int32Array(slots);
    this.keys = new Array<string | null>(slots).fill(null);
    this.values = new Array<V | undefined>(slots).fill(undefined);
  }

  /** The slot holding `text[start, end)`, or `-1 - emptySlot` when absent. */
  find(text: string, start: number, end: number, hash: number): number {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot];
      if (key === null || key === undefined) return -1 - slot;
      if (this.hashes[slot] === hash && key.length === length && sameChars(key, text, start))
        return slot;
    }
  }

  /** Adds a key known to be absent. */
  add(key: string, hash: number, value: V): void {
    let slot = hash & this.mask;
    while (this.keys[slot] !== null && this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.keys[slot] = key;
    this.hashes[slot] = hash;
    this.values[slot] = value;
    this.size++;
  }

  /** Doubles the slots, keeping every entry. */
  grow(): void {
    const { hashes, keys, values } = this;
    const slots = (this.mask + 1) * 2;
    this.mask = slots - 1;
    this.hashes = new Int32Array(slots);
    this.keys = new Array<string | null>(slots).fill(null);
    this.values = new Array<V | undefined>(slots).fill(undefined);
    this.size = 0;
    keys.forEach((key, slot) => {
      if (key !== null) this.add(key, hashes[slot] ?? 0, values[slot] as V);
    });
  }

  clear(): void {
    this.keys.fill(null);
    this.values.fill(undefined);
    this.size = 0;
  }
}

function sameChars(key: string, text: string, start: number): boolean {
  for (let i = 0; i < key.length; i++)
    if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/**
 * A bounded memo keyed by a range of characters of some text, so that looking up a word of an
 * article never allocates its substring (a Map lookup with a fresh slice costs a few hundred
 * nanoseconds; this costs tens). Two generations like BoundedCache: the young table is
 * searched first, then the old one; when the young one is full it becomes the old one. Tables
 * start small and grow with their entries, so a process that meets few words holds little.
 */
export class RangeCache<V> {
  private young: RangeTable<V>;
  private old: RangeTable<V>;
  private readonly maxSlots: number;
  /** @param capacity entries per generation; the tables keep their load under one half */
  constructor(private readonly capacity: number) {
    let slots = 1;
    while (slots < capacity * 2) slots *= 2;
    this.maxSlots = slots;
    const initial = Math.min(INITIAL_SLOTS, slots);
    this.young = new RangeTable<V>(initial);
    this.old = new RangeTable<V>(initial);
  }

  /** The cached value for `text[start, end)`, computing it from the detached word on a miss. */
  get(text: string, start: number, end: number, compute: (word: string) => V): V {
    const hash = hashRange(text, start, end);
    const slot = this.young.find(text, start, end, hash);
    if (slot >= 0) return this.young.values[slot] as V;
    const oldSlot = this.old.find(text, start, end, hash);
    const key =
      oldSlot >= 0 ? (this.old.keys[oldSlot] as string) : detachString(text.slice(start, end));
    const value = oldSlot >= 0 ? (this.old.values[oldSlot] as V) : compute(key);
    if (this.young.size >= this.capacity) {
      [this.old, this.young] = [this.young, this.old];
      this.young.clear();
    } else if (this.young.size * 2 >= this.young.mask + 1 && this.young.mask + 1 < this.maxSlots) {
      this.young.grow();
    }
    this.young.add(key, hash, value);
    return value;
  }

  /** Number of entries held, at most twice the capacity. */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
