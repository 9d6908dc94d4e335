import { hashRange } from '@lib/text-analysis';
import { fromOneByte, toOneByte } from './one-byte-text.js';

const TAB = 0x09;

/**
 * The lines `key \t value` of a compiled file, found by key while the file stays one string:
 * an open-addressing table of line offsets instead of a Map of a string per line, which took
 * three times the memory (133,000 counterpart lines: 23 MB as a Map, 8 MB as a table over the
 * text as read). Lines with the same key must be adjacent (the compiled files are sorted by
 * key). The text is held in one byte per character (see toOneByte): keys are looked up in that
 * form and values decoded from it.
 */
export class KeyedLines {
  /** Start of the first line of each distinct key. */
  private readonly starts: Int32Array;
  /** Slots holding 1 + an index into `starts`; 0 is empty. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  readonly size: number;

  private readonly text: string;

  constructor(compiled: string) {
    const text = toOneByte(compiled);
    this.text = text;
    const starts: number[] = [];
    let previousKey = '';
    for (let start = 0; start < text.length;) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', start);
      if (tab > start && tab < end - 1) {
        const key = text.slice(start, tab);
        if (key !== previousKey) starts.push(start);
        previousKey = key;
      }
      start = end + 1;
    }
    this.starts = Int32Array.from(starts);
    this.size = starts.length;
    let capacity = 1;
    while (capacity < starts.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity);
    starts.forEach((start, index) => {
      const tab = text.indexOf('\t', start);
      let slot = hashRange(text, start, tab) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = index + 1;
    });
  }

  /** The values of the lines whose key is `key`, in file order; empty when there are none. */
  values(key: string): string[] {
    const encoded = toOneByte(key);
    const start = this.find(encoded);
    if (start < 0) return [];
    const values: string[] = [];
    for (let line = start; line < this.text.length;) {
      const tab = line + encoded.length;
      if (!this.keyAt(line, encoded) || this.text.charCodeAt(tab) !== TAB) break;
      let end = this.text.indexOf('\n', tab);
      if (end < 0) end = this.text.length;
      values.push(fromOneByte(this.text.slice(tab + 1, end)));
      line = end + 1;
    }
    return values;
  }

  /** The value of the first line whose key is `key`, or undefined. */
  first(key: string): string | undefined {
    const encoded = toOneByte(key);
    const start = this.find(encoded);
    if (start < 0) return undefined;
    const tab = start + encoded.length;
    const end = this.text.indexOf('\n', tab);
    return fromOneByte(this.text.slice(tab + 1, end < 0 ? this.text.length : end));
  }

  /** Offset of the first line of `key` (in the one-byte form), or -1. */
  private find(key: string): number {
    const hash = hashRange(key, 0, key.length);
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot] ?? 0;
      if (entry === 0) return -1;
      const start = this.starts[entry - 1] ?? 0;
      if (this.keyAt(start, key) && this.text.charCodeAt(start + key.length) === TAB) return start;
    }
  }

  private keyAt(start: number, key: string): boolean {
    for (let i = 0; i < key.length; i++)
      if (this.text.charCodeAt(start + i) !== key.charCodeAt(i)) return false;
    return true;
  }
}
