import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORD_CLASS } from './char-classes.js';
import { tokenize } from './tokenizer.js';

/**
 * The tokenizer is a hand-written scanner for speed; this regex states its grammar and is the
 * oracle it must agree with, token for token.
 */
const JOINER = String.raw`[-\u2010\u2011'\u2019\u02BC]`;
const ORACLE = new RegExp(
  String.raw`((?:\p{L}\.){2,}(?!\p{L}))|(\p{N}+(?:[.,:]\p{N}+)+(?!\p{L}))|${WORD_CLASS}+(?:${JOINER}${WORD_CLASS}+)*`,
  'gu',
);

function oracle(text: string): Array<[string, number, string]> {
  return [...text.matchAll(ORACLE)].map((m) => [
    m[0],
    m.index,
    m[1] !== undefined ? 'abbreviation' : m[2] !== undefined ? 'number' : 'word',
  ]);
}

function scanned(text: string): Array<[string, number, string]> {
  return tokenize(text).map((t) => [t.surface, t.start, t.kind]);
}

const SEEDS = join(import.meta.dirname, '../../../indexing/samples');

describe('tokenizer agrees with its grammar', () => {
  it.each([
    'U.S. and U.K. officials, т.е. the U.S.A',
    'a.b.c and a.b. end, e.g.x',
    '11.11.2017 1,5 10:30 1.5km 1.55km 1.2.3km 1.2.33x 2017г 3,14,',
    'северо-запад New York-based O’Neill Trump’s rock-’n’-roll a--b -x- x-',
    'заме́ток соф\u00ADтовый zero\u200Bwidth \uFEFFbom',
    'emoji 😀 and ☺️ flags 🇷🇺, 𝐀𝐁𝐂 math, 𝟏.𝟐 digits, ²³ ½',
    'lone \uD800 surrogate \uDC00 and x\uD83Dy',
    'mail me@example.com, see https://example.com/a-b?c=d',
    '',
    '...,,,---',
    'Ⅻ.Ⅳ roman, ١٢٣.٤٥ arabic-indic, 中文字 العربية',
  ])('%s', (text) => {
    expect(scanned(text)).toEqual(oracle(text));
  });

  it('on every seed page', () => {
    for (const name of readdirSync(SEEDS)) {
      const text = readFileSync(join(SEEDS, name), 'utf8');
      expect(scanned(text)).toEqual(oracle(text));
    }
  });
});
