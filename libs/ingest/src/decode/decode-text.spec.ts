import { describe, expect, it } from 'vitest';
import { UnsupportedEncodingError } from '../record/ingest.error.js';
import { decodeText, looksBinary } from './decode-text.js';

const TEXT = 'Съешь же ещё этих мягких французских булок, да выпей чаю.';
const encode = (encoding: string): Uint8Array => {
  const table = encoding === 'koi8-r' ? 'koi8-r' : 'windows-1251';
  const bytes: number[] = [];
  const decoder = new TextDecoder(table);
  const reverse = new Map<string, number>();
  for (let b = 0; b < 256; b++) reverse.set(decoder.decode(new Uint8Array([b])), b);
  for (const ch of TEXT) bytes.push(reverse.get(ch) ?? 0x3f);
  return new Uint8Array(bytes);
};

describe('decodeText', () => {
  it.each([
    ['utf-8', new TextEncoder().encode(TEXT)],
    ['utf-8', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)])],
    ['windows-1251', encode('windows-1251')],
    ['koi8-r', encode('koi8-r')],
  ] as const)('reads %s', (encoding, bytes) => {
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding });
  });

  it('refuses binary data', () => {
    expect(looksBinary(new Uint8Array([1, 2, 0, 3]))).toBe(true);
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 8, 0]))).toThrow(
      UnsupportedEncodingError,
    );
  });
});
