import { describe, expect, it } from 'vitest';
import { KeyedLines } from './keyed-lines.js';

const compiled = [
  'a\tт|эй',
  'a bit\ta bit\tмалость',
  'meet\tmeet\tвстречать|встреча',
  'meet\tmeeting\tвстреча|собрание',
  'no value\t',
  'встреч\tmeet',
].join('\n');

describe('KeyedLines', () => {
  const lines = new KeyedLines(compiled);

  it('counts distinct keys that have a value', () => {
    expect(lines.size).toBe(4);
  });

  it('gives every value of a key, in file order', () => {
    expect(lines.values('meet')).toEqual(['meet\tвстречать|встреча', 'meeting\tвстреча|собрание']);
    expect(lines.first('meet')).toBe('meet\tвстречать|встреча');
  });

  it('tells a key from a longer key that starts with it', () => {
    expect(lines.values('a')).toEqual(['т|эй']);
    expect(lines.values('a bit')).toEqual(['a bit\tмалость']);
    expect(lines.values('a b')).toEqual([]);
  });

  it('finds keys in any script and the last line without a newline', () => {
    expect(lines.first('встреч')).toBe('meet');
  });

  it('has nothing for absent keys, empty values and the empty key', () => {
    expect(lines.values('absent')).toEqual([]);
    expect(lines.first('absent')).toBeUndefined();
    expect(lines.first('no value')).toBeUndefined();
    expect(lines.values('')).toEqual([]);
  });

  it('holds an empty file', () => {
    const empty = new KeyedLines('');
    expect(empty.size).toBe(0);
    expect(empty.values('a')).toEqual([]);
  });
});
