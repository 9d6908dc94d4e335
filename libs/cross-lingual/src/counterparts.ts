import { isStopTerm } from '@lib/text-analysis';
import { KeyedLines } from './keyed-lines.js';

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * Counterparts of analyzed terms in the other language ("meet" <-> "встреч", "встрет"), from
 * the compiled counterpart map (see compileCounterparts). The indexer writes an article's
 * counterparts into fields of their own, so that a query in one language matches articles in
 * the other with its own terms; the search API marks counterpart words in snippets.
 */
export class Counterparts {
  /** Term (or two terms joined by a space) -> counterparts joined by spaces. */
  private readonly byTerm: KeyedLines;
  /** First terms of two-term keys, so that only likely pairs are looked up. */
  private readonly phraseStarts = new Set<string>();

  /** @param compiled lines of `term \t counterpart counterpart …`, sorted by term */
  constructor(compiled: string) {
    this.byTerm = new KeyedLines(compiled);
    for (let start = 0; start < compiled.length;) {
      let end = compiled.indexOf('\n', start);
      if (end < 0) end = compiled.length;
      const space = compiled.indexOf(' ', start);
      const tab = compiled.indexOf('\t', start);
      if (space > start && space < tab && tab < end)
        this.phraseStarts.add(compiled.slice(start, space));
      start = end + 1;
    }
  }

  /** Number of terms and phrases that have counterparts. */
  get size(): number {
    return this.byTerm.size;
  }

  /** The counterparts of one term or two-term phrase, best ranked first. */
  of(term: string): string[] {
    return this.byTerm.first(term)?.split(' ') ?? [];
  }

  /**
   * The counterparts of a text's content words, each once: those of every distinct term and
   * of every adjacent pair that is a phrase of the lexicon ("prime minist" -> "премьер",
   * "министр"). `terms` are the text's analyzed terms in order, stop words included; stop words
   * and the terms in `names` (words the text uses as names: «Путина» is not "fishing season")
   * have none.
   */
  ofTerms(terms: readonly string[], names: ReadonlySet<string> = NO_NAMES): string[] {
    const found = new Set<string>();
    const seen = new Set<string>();
    const collect = (key: string): void => {
      const joined = this.byTerm.first(key);
      if (joined === undefined) return;
      for (const counterpart of joined.split(' ')) found.add(counterpart);
    };
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] ?? '';
      if (names.has(term) || isStopTerm(term)) continue;
      if (!seen.has(term)) {
        seen.add(term);
        collect(term);
      }
      const next = terms[i + 1];
      if (next !== undefined && !names.has(next) && this.phraseStarts.has(term)) {
        const phrase = `${term} ${next}`;
        if (!seen.has(phrase)) {
          seen.add(phrase);
          collect(phrase);
        }
      }
    }
    return [...found];
  }
}
