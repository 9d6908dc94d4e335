import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyzeWord, isStopTerm, nameKey, nameShape, romanize } from '@lib/text-analysis';
import type { LexiconLanguage } from './language.js';

/**
 * Names across languages from the lexicon's capitalized headwords (extract-names.main): "Putin"
 * and «Путин», "Moscow" and «Москва», "OPEC" and «ОПЕК». The common-word lexicon has lost case,
 * so there «Путина» is "fishing season" and "Biden" is "bide"; a word used as a name travels by
 * these translations and by its cross-script key instead.
 */
export class NamesLexicon {
  /** Analyzed term of a one-word name -> its one-word translations, as written. */
  private readonly byTerm = new Map<string, string[]>();
  /** Analyzed term of a one-word name -> the names it is the term of, as written. */
  private readonly spelledAs = new Map<string, string[]>();
  /** nameTokens, by term, as asked (at most one entry per term of the lexicon). */
  private readonly tokensByTerm = new Map<string, readonly string[]>();
  /** English names in lower case, for words a reader wrote in lower case ("biden"). */
  private readonly english = new Set<string>();

  /** @param tsv lines of `Headword \t Translation|Translation`, both directions */
  constructor(tsv: string) {
    for (const line of tsv.split('\n')) {
      const [written = '', joined = ''] = line.split('\t');
      if (written.includes(' ')) continue;
      const headword = withoutAccents(written);
      for (const spelled of joined.split('|')) {
        if (spelled.length === 0 || spelled.includes(' ')) continue;
        const translation = withoutAccents(spelled);
        this.add(headword, translation);
        this.add(translation, headword);
      }
    }
  }

  private add(name: string, translation: string): void {
    const info = analyzeWord(name);
    if (info === null || info.stop) return;
    if (info.script === 'latin') this.english.add(name.toLowerCase());
    append(this.byTerm, info.term, translation);
    append(this.spelledAs, info.term, name);
  }

  /**
   * The name tokens of every spelling of the names an article's term stands for, its own and
   * their translations («Путина»: `nmputin`): stored with the article's name keys, they find it
   * by the name exactly, where keys collide (Putin, Patten and Paton are all `patan`) and stems
   * merge a name with a word (a fishing article's counterpart «путин»).
   */
  nameTokens(term: string): readonly string[] {
    // Asked for every name of every article: romanizing its spellings once per term is enough.
    if (!this.byTerm.has(term)) return [];
    let tokens = this.tokensByTerm.get(term);
    if (tokens === undefined) {
      const spellings = [...(this.spelledAs.get(term) ?? []), ...(this.byTerm.get(term) ?? [])];
      tokens = [...new Set(spellings.map(nameToken))];
      this.tokensByTerm.set(term, tokens);
    }
    return tokens;
  }

  /**
   * The name token a query word searches: that of its own spelling in the lexicon («Путина» is
   * a form of Путин: `nmputin`), which every article naming a translation of it stores.
   */
  queryToken(written: string, term: string): string | null {
    const script = analyzeWord(written)?.script;
    const own = (this.spelledAs.get(term) ?? []).filter((n) => analyzeWord(n)?.script === script);
    const lower = written.toLowerCase();
    // The spelling the word is a form of («Сирии» of Сирия, not Сирил; «Зеленский» itself, not
    // Зеленская), else the first.
    const best =
      own.find((n) => n.toLowerCase() === lower) ??
      own.find((n) => lower.startsWith(n.toLowerCase().replace(/[аеёиоуыэюяйьaeiouy]$/, ''))) ??
      own[0];
    return best === undefined ? null : nameToken(best);
  }

  get size(): number {
    return this.byTerm.size;
  }

  /**
   * The analyzed terms of a name's spellings in the other language («байд» -> `biden`), which
   * an article stores so that a query finds it by the name as the reader writes it.
   */
  spellingTerms(term: string): string[] {
    const terms: string[] = [];
    for (const translation of this.byTerm.get(term) ?? []) {
      const info = analyzeWord(translation);
      if (info === null || info.term === term || terms.includes(info.term)) continue;
      // «Иося» stems to `и`: a stop word is no name's spelling.
      if (info.term.length >= 2 && !isStopTerm(info.term)) terms.push(info.term);
    }
    return terms;
  }

  /** True when some name of the lexicon analyzes to `term`. */
  hasTerm(term: string): boolean {
    return this.byTerm.has(term);
  }

  /**
   * The translations of a name's term into `target` ("путин" -> "Putin"), those `preferred`
   * names first in its order (the common-word lexicon's reading: «Китай» is China before
   * Cathay, «Сирия» Syria before Cyril).
   */
  translations(term: string, target: LexiconLanguage, preferred: readonly string[] = []): string[] {
    const script = target === 'en' ? 'latin' : 'cyrillic';
    const rank = (t: string): number => {
      const at = preferred.indexOf(t.toLowerCase());
      return at < 0 ? preferred.length : at;
    };
    return (this.byTerm.get(term) ?? [])
      .filter((t) => analyzeWord(t)?.script === script)
      .map((t, i) => ({ t, order: rank(t) * 1000 + i }))
      .sort((a, b) => a.order - b.order)
      .map(({ t }) => t);
  }

  /**
   * True when a word written in lower case is a name the lexicon knows in that very spelling:
   * "biden" is, "bide" is not; a Russian name declines, so its term is enough («путину»).
   */
  knows(written: string, term: string): boolean {
    if (!this.byTerm.has(term)) return false;
    return analyzeWord(written)?.script !== 'latin' || this.english.has(written.toLowerCase());
  }

  /** Keys of a name's translations into `target`, each once, `preferred` ones first. */
  keysOf(term: string, target: LexiconLanguage, preferred: readonly string[] = []): string[] {
    const keys = new Set<string>();
    for (const translation of this.translations(term, target, preferred)) {
      const key = nameKey(translation);
      if (key !== null) keys.add(key);
    }
    return [...keys];
  }

  /**
   * The key that finds a name in `target`'s articles: its best translation's («Москва»:
   * Moscow's, not Moskva's), or its own when the lexicon has none (Tillerson); null when that
   * has none («Сирия»: Syria is too short).
   */
  targetKey(
    written: string,
    term: string,
    target: LexiconLanguage,
    preferred: readonly string[] = [],
  ): string | null {
    const [best] = this.translations(term, target, preferred);
    return best === undefined ? nameKey(written) : nameKey(best);
  }

  /**
   * For a name without a key there, the term of its spelling there, matched as a word of the
   * other language's articles: its transliteration ("Joe" -> «Джо», not «Ёся»), else its best
   * translation («Китай» -> "China"); null when it has none, or when that is no word there
   * (ИИ stems to the stop word `и`).
   */
  targetTerm(
    written: string,
    term: string,
    target: LexiconLanguage,
    preferred: readonly string[] = [],
  ): string | null {
    const spelled = this.spelling(written, term, target, preferred);
    if (spelled === undefined) return null;
    const info = analyzeWord(spelled);
    if (info === null || info.term.length < 2 || isStopTerm(info.term)) return null;
    return info.term;
  }

  /** How a name is spelled in `target`: its transliteration if any, else its best translation. */
  spelling(
    written: string,
    term: string,
    target: LexiconLanguage,
    preferred: readonly string[] = [],
  ): string | undefined {
    const shape = shapeOf(written);
    const spellings = this.translations(term, target, preferred);
    return spellings.find((t) => shapeOf(t) === shape) ?? spellings[0];
  }
}

/** Name tokens begin so, which no word of either language does. */
export const NAME_TOKEN_PREFIX = 'nm';

/** The token of a name as spelled: its romanization in lower case, letters only. */
export function nameToken(spelling: string): string {
  const latin = romanize(spelling)
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return `${NAME_TOKEN_PREFIX}${latin}`;
}

/** Latin names without their accents, as the press mostly writes them ("Erdoğan": Erdogan). */
function withoutAccents(name: string): string {
  return /\p{Script=Cyrillic}/u.test(name) ? name : name.normalize('NFD').replace(/\p{M}/gu, '');
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, [value]);
  else if (!known.includes(value)) known.push(value);
}

function shapeOf(word: string): string {
  return nameShape(romanize(word).toLowerCase());
}

/** Loads the names shipped in `dir` (data/wikdict). */
export function loadNames(dir: string, file: string): NamesLexicon {
  return new NamesLexicon(gunzipSync(readFileSync(join(dir, file))).toString('utf8'));
}
