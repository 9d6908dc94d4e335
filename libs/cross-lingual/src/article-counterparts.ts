import type { Counterparts } from './counterparts.js';
import type { LexiconLanguage } from './lexicon.js';
import type { NamesLexicon } from './names-lexicon.js';

/**
 * What the indexer stores to carry an article into the other language: the counterparts of
 * its content words, and the keys of its names' translations (search-core's CounterpartSource).
 */
export class ArticleCounterparts {
  constructor(
    private readonly counterparts: Counterparts,
    private readonly names: NamesLexicon,
  ) {}

  /** Number of terms and phrases that have counterparts. */
  get size(): number {
    return this.counterparts.size;
  }

  ofTerms(terms: readonly string[], names: ReadonlySet<string>): string[] {
    return this.counterparts.ofTerms(terms, names);
  }

  /** Keys of the other language's spellings of an article's names («Москва»: Moscow's). */
  nameKeys(names: ReadonlySet<string>, lang: string): string[] {
    const target: LexiconLanguage = lang === 'ru' ? 'en' : 'ru';
    const keys = new Set<string>();
    for (const term of names) for (const key of this.names.keysOf(term, target)) keys.add(key);
    return [...keys];
  }
}
