import type { LexiconLanguage } from './language.js';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { compileCounterparts } from './counterparts-compiler.js';
import { Counterparts } from './counterparts.js';
import { KeyedLines } from './keyed-lines.js';
import { ArticleCounterparts } from './article-counterparts.js';
import { loadNames, type NamesLexicon } from './names-lexicon.js';
import { compileDirection, parseWikdict } from './lexicon-compiler.js';

export type { LexiconLanguage } from './language.js';

/** The WikDict files shipped with the project (see data/wikdict/README.md). */
export const WIKDICT_DIR = fileURLToPath(new URL('../data/wikdict', import.meta.url));
/** Where the build writes the compiled lexicon and counterparts, beside the compiled library. */
const COMPILED_NAME = 'lexicon.compiled.tsv';
const COUNTERPARTS_NAME = 'counterparts.compiled.tsv';
/** Names (capitalized headwords) with their translations, case kept (see extract-names.main). */
export const NAMES_FILE = 'wikdict-names.tsv.gz';

/** The build's output for `name`, whether this runs compiled (dist) or from the sources. */
function compiledPath(name: string): string | undefined {
  return [
    fileURLToPath(new URL(`../data/${name}`, import.meta.url)),
    fileURLToPath(new URL(`../../../dist/libs/cross-lingual/data/${name}`, import.meta.url)),
  ].find((path) => existsSync(path));
}

/**
 * One direction of the lexicon, keyed by the analyzed terms of each headword: the compiled
 * lines themselves, each key holding `headword \t translations` values (see KeyedLines).
 */
export class LexiconDirection {
  private readonly entries: KeyedLines;

  /** @param compiled lines of `key \t headword \t translation|…`, sorted (see compileDirection) */
  constructor(compiled: string) {
    this.entries = new KeyedLines(compiled);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Translations for a lookup key (see lexiconKey). Of the headwords sharing the key, the one
   * most like what the reader wrote wins: the same word, else the longest common beginning
   * ("ранние" is "ранний", not "рана"), else the closest length ("meetings" is "meeting").
   */
  lookup(key: string, written: string): string[] {
    return this.entry(key, written)?.translations ?? [];
  }

  /** The headword chosen for a lookup key (see lookup) and its translations. */
  entry(key: string, written: string): { headword: string; translations: string[] } | undefined {
    const entries = this.entries.values(key);
    let best: { headword: string; translations: string } | undefined;
    let bestScore = -Infinity;
    for (const entry of entries) {
      const tab = entry.indexOf('\t');
      const headword = entry.slice(0, tab);
      const score =
        headword === written
          ? Infinity
          : commonPrefixLength(headword, written) * 100 -
            Math.abs(headword.length - written.length);
      if (score > bestScore) {
        best = { headword, translations: entry.slice(tab + 1) };
        bestScore = score;
      }
    }
    return best && { headword: best.headword, translations: best.translations.split('|') };
  }
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Both directions: English headwords to Russian, Russian headwords to English. */
export interface Lexicon {
  en: LexiconDirection;
  ru: LexiconDirection;
}

function readWikdict(dir: string, language: LexiconLanguage): ReturnType<typeof parseWikdict> {
  const file = language === 'en' ? 'wikdict-en-ru.tsv.gz' : 'wikdict-ru-en.tsv.gz';
  return parseWikdict(gunzipSync(readFileSync(`${dir}/${file}`)).toString('utf8'));
}

/** Compiles both directions from the WikDict TSVs: `en` lines, a form feed, `ru` lines. */
export function compileLexicon(dir: string = WIKDICT_DIR): string {
  const en = readWikdict(dir, 'en');
  const ru = readWikdict(dir, 'ru');
  return `${compileDirection(en, ru)}\f${compileDirection(ru, en)}`;
}

/** The lexicon from its compiled form. */
export function parseCompiledLexicon(compiled: string): Lexicon {
  const [en = '', ru = ''] = compiled.split('\f');
  return { en: new LexiconDirection(en), ru: new LexiconDirection(ru) };
}

/** Compiles the counterpart map of both directions from the WikDict TSVs. */
export function compileCounterpartMap(dir: string = WIKDICT_DIR): string {
  return compileCounterparts(readWikdict(dir, 'en'), readWikdict(dir, 'ru'));
}

/** The compiled files' names, for the build step that writes them. */
export const COMPILED_LEXICON_FILE = COMPILED_NAME;
export const COMPILED_COUNTERPARTS_FILE = COUNTERPARTS_NAME;

/**
 * Loads the lexicon the build compiled; compiles it from the TSVs when there is no build
 * (seconds instead of a fraction of one).
 */
export function loadLexicon(): Lexicon {
  const compiled = compiledPath(COMPILED_NAME);
  return parseCompiledLexicon(
    compiled === undefined ? compileLexicon() : readFileSync(compiled, 'utf8'),
  );
}

/** Loads the counterpart map the build compiled; compiles it when there is no build. */
export function loadCounterparts(): Counterparts {
  const compiled = compiledPath(COUNTERPARTS_NAME);
  return new Counterparts(
    compiled === undefined ? compileCounterpartMap() : readFileSync(compiled, 'utf8'),
  );
}

/** Loads the names lexicon shipped in data/wikdict (a few tens of milliseconds). */
export function loadNamesLexicon(): NamesLexicon {
  return loadNames(WIKDICT_DIR, NAMES_FILE);
}

/** What the indexer stores to carry articles into the other language. */
export function loadArticleCounterparts(): ArticleCounterparts {
  return new ArticleCounterparts(loadCounterparts(), loadNamesLexicon());
}
