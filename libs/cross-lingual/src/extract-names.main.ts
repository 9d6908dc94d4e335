import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { NAMES_FILE } from './lexicon.js';

/**
 * Maintenance tool, run by hand when the lexicon is updated: extracts the names (capitalized
 * headwords and their capitalized translations) from the WikDict dictd files, which keep the
 * case and part of speech that the TSVs lost, into data/wikdict/wikdict-names.tsv.gz.
 *
 *   node dist/libs/cross-lingual/src/extract-names.main.js <folder with freedict-*.dict.dz> \
 *     [output folder, libs/cross-lingual/data/wikdict]
 */
const DICTD_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const STRESS = /\u0301/g;
/** Sense numbers ("1. "), at a line's start or inside it. */
const NUMBERING = /(?:^|\s)\d+\.(?:\s+|$)/;
const MARKUP = /<[^>]*>/g;
const MAX_WORDS = 3;

function dictdNumber(text: string): number {
  let value = 0;
  for (const char of text) value = value * 64 + DICTD_DIGITS.indexOf(char);
  return value;
}

function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

/** Entries of one dictd dictionary: the headword as written and its translations. */
function* entries(dir: string, name: string): Generator<[string, string[]]> {
  const dict = gunzipSync(readFileSync(join(dir, `${name}.dict.dz`)));
  const target = name.endsWith('-rus') ? /\p{Script=Cyrillic}/u : /\p{Script=Latin}/u;
  for (const row of readFileSync(join(dir, `${name}.index`), 'utf8').split('\n')) {
    const [, offset, length] = row.split('\t');
    if (offset === undefined || length === undefined) continue;
    const start = dictdNumber(offset);
    const [head = '', ...lines] = dict
      .subarray(start, start + dictdNumber(length))
      .toString('utf8')
      .split('\n');
    const headword = head.replace(/\s+\/.*$/, '').trim();
    if (!isCapitalized(headword) || headword.startsWith('00')) continue;
    // English capitalizes only names; a capitalized English common noun ("Joe", a guy) is
    // no name. Russian tags many place names as common nouns («Аахен»).
    if (name === 'freedict-eng-rus' && !head.includes('<pn>')) continue;
    const translations = lines
      .flatMap((line) => line.replace(MARKUP, '').replace(STRESS, '').split(NUMBERING))
      .filter((line) => target.test(line))
      .flatMap((line) => line.split(/,\s*/).map((t) => t.trim()))
      .filter((t) => isCapitalized(t) && t.split(' ').length <= MAX_WORDS && target.test(t));
    if (translations.length > 0) yield [headword, [...new Set(translations)]];
  }
}

const [, , dir, out = 'libs/cross-lingual/data/wikdict'] = process.argv;
if (dir === undefined) {
  process.stderr.write('usage: extract-names.main.js <folder with freedict-*.dict.dz>\n');
  process.exit(2);
}
const byHeadword = new Map<string, Set<string>>();
for (const name of ['freedict-eng-rus', 'freedict-rus-eng']) {
  for (const [headword, translations] of entries(dir, name)) {
    const known = byHeadword.get(headword) ?? new Set<string>();
    for (const translation of translations) known.add(translation);
    byHeadword.set(headword, known);
  }
}
const lines = [...byHeadword]
  .map(([headword, translations]) => `${headword}\t${[...translations].join('|')}`)
  .sort();
writeFileSync(join(out, NAMES_FILE), gzipSync(`${lines.join('\n')}\n`, { level: 9 }));
process.stdout.write(`wrote ${lines.length} names to ${join(out, NAMES_FILE)}\n`);
