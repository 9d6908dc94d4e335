import { describe, expect, it } from 'vitest';
import { bagTerms, buildTermBag, encodeTermBag, readTermBag } from './term-bag.js';
import { bagHash, termHash } from './term-hash.js';

const wanted = (...terms: string[]) => bagTerms(terms.map((t) => bagHash(termHash(t))));

describe('term bag', () => {
  const bag = buildTermBag({
    title: ['нефт', 'цен', 'и', 'oil'],
    body: ['нефт', 'нефт', 'нефт', 'рост', 'и', 'и'],
    titleLength: 4,
    bodyLength: 6,
  });

  it('counts content terms per field and leaves stop terms out', () => {
    expect(bag.counts.get(termHash('нефт'))).toEqual({ title: 1, body: 3 });
    expect(bag.counts.get(termHash('oil'))).toEqual({ title: 1, body: 0 });
    expect(bag.counts.has(termHash('и'))).toBe(false);
    expect(bag.counts.size).toBe(4);
  });

  it('stores lengths and four characters per term, and reads back the asked terms', () => {
    const stored = encodeTermBag(bag);
    expect(stored).toMatch(/^4\.6\.[A-Za-z0-9_-]{16}$/);
    const read = readTermBag(stored, wanted('нефт', 'рост', 'газ'));
    expect(read.titleLength).toBe(4);
    expect(read.bodyLength).toBe(6);
    expect(read.counts.get(bagHash(termHash('нефт')))).toEqual({ title: 1, body: 3 });
    expect(read.counts.get(bagHash(termHash('рост')))).toEqual({ title: 0, body: 1 });
    expect(read.counts.has(bagHash(termHash('газ')))).toBe(false);
    expect(read.counts.has(bagHash(termHash('цен')))).toBe(false);
  });

  it('caps counts at what a bag stores', () => {
    const many = buildTermBag({
      title: Array<string>(5).fill('war'),
      body: Array<string>(100).fill('war'),
      titleLength: 5,
      bodyLength: 100,
    });
    const read = readTermBag(encodeTermBag(many), wanted('war'));
    expect(read.counts.get(bagHash(termHash('war')))).toEqual({ title: 3, body: 15 });
  });

  it('finds a hash only at the start of an entry', () => {
    // "BCD" is the hash 1 << 12 | 2 << 6 | 3; in "ABCDEFGH" it straddles no entry start.
    const hash = (1 << 12) | (2 << 6) | 3;
    expect(readTermBag('1.1.ABCDEFGH', bagTerms([hash])).counts.size).toBe(0);
    expect(readTermBag('1.1.ABCDBCDR', bagTerms([hash])).counts.get(hash)).toEqual({
      title: 1,
      body: 1,
    });
  });

  it('reads an unreadable bag as empty', () => {
    expect(readTermBag('garbage', wanted('war'))).toEqual({
      titleLength: 0,
      bodyLength: 0,
      counts: new Map(),
    });
  });
});
