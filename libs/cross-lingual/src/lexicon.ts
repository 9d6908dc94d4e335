import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { analyzeTerms } from '@lib/text-analysis';

/** A translation direction: the language of the headwords. */
export type LexiconLanguage = 'en' | 'ru';

/** The WikDict files shipped with the project. */
export const WIKDICT_DIR = fileURLToPath(new URL('../data/wikdict', import.meta.url));
const FILES: Readonly<Record<LexiconLanguage, string>> = {
  en: 'wikdict-en-ru.tsv.gz',
  ru: 'wikdict-ru-en.tsv.gz',
};

/** Translations kept per headword, in sense order; later senses are mostly rare. */
export const TRANSLATIONS_PER_HEADWORD = 3;
/** Headwords of up to this many words: single words and two-word phrases are looked up. */
const MAX_HEADWORD_WORDS = 2;
/** Headwords and translations are words: letters, marks, spaces, hyphens and apostrophes. */
const WORDLIKE = /^\p{L}[\p{L}\p{M}' -]*$/u;
const MAX_TRANSLATION_WORDS = 3;

/**
 * One direction of the lexicon, keyed by the analyzed terms of each headword ("meetings" and
 * "meeting" share the key `meet`). Each key holds lines of `headword \t translation|...`,
 * shortest headword first; strings rather than objects keep it at a few MB.
 */
export class LexiconDirection {
  constructor(private readonly entries: ReadonlyMap<string, string>) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * Translations of a word or phrase given as its analyzed terms. The headword written as the
   * reader wrote it wins (the query "meeting" gets "meeting", not "meet"); else the shortest.
   */
  lookup(terms: readonly string[], written: string): string[] {
    const lines = this.entries.get(terms.join(' '));
    if (lines === undefined) return [];
    const candidates = lines.split('\n');
    const exact = candidates.find((line) => line.slice(0, line.indexOf('\t')) === written);
    const line = exact ?? candidates[0] ?? '';
    return line.slice(line.indexOf('\t') + 1).split('|');
  }
}

/** Both directions: English to Russian and Russian to English. */
export interface Lexicon {
  en: LexiconDirection;
  ru: LexiconDirection;
}

function cleanTranslations(field: string): string[] {
  const kept: string[] = [];
  for (const raw of field.split('|')) {
    const translation = raw.trim();
    if (!WORDLIKE.test(translation)) continue;
    if (translation.split(' ').length > MAX_TRANSLATION_WORDS || kept.includes(translation)) continue;
    kept.push(translation);
    if (kept.length === TRANSLATIONS_PER_HEADWORD) break;
  }
  return kept;
}

/** Parses one direction's TSV (headword, tab, translations joined by '|'). */
export function parseLexicon(tsv: string): LexiconDirection {
  const grouped = new Map<string, string[]>();
  for (const row of tsv.split('\n')) {
    const tab = row.indexOf('\t');
    if (tab <= 0) continue;
    const headword = row.slice(0, tab).trim().toLowerCase();
    if (!WORDLIKE.test(headword) || headword.split(/[ -]/).length > MAX_HEADWORD_WORDS) continue;
    const translations = cleanTranslations(row.slice(tab + 1));
    if (translations.length === 0) continue;
    const key = analyzeTerms(headword.replace(/-/g, ' ')).join(' ');
    if (key === '') continue;
    const lines = grouped.get(key) ?? [];
    lines.push(`${headword}\t${translations.join('|')}`);
    grouped.set(key, lines);
  }
  const entries = new Map<string, string>();
  for (const [key, lines] of grouped)
    entries.set(key, lines.sort((a, b) => a.indexOf('\t') - b.indexOf('\t')).join('\n'));
  return new LexiconDirection(entries);
}

/** Loads both directions from the gzipped TSVs in `dir`. */
export function loadLexicon(dir: string = WIKDICT_DIR): Lexicon {
  const read = (language: LexiconLanguage): LexiconDirection =>
    parseLexicon(gunzipSync(readFileSync(`${dir}/${FILES[language]}`)).toString('utf8'));
  return { en: read('en'), ru: read('ru') };
}
