import type { NameUsage } from '@lib/text-analysis';
import type { Counterparts } from './counterparts.js';
import type { LexiconLanguage } from './language.js';
import type { NamesLexicon } from './names-lexicon.js';

/**
 * Shorter stems stand for too many names: «Баден» stems to `бад`, as does every «Бад…» name, and
 * Baden's key is Biden's.
 */
const MIN_NAME_TERM = 4;

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

  /**
   * The terms an article uses as names: those it capitalizes inside sentences, and those it
   * capitalizes only at a sentence's opening that the names lexicon knows («Путин мне пока не
   * звонил» is the president even where no other sentence names him).
   */
  namesOf(usage: NameUsage): ReadonlySet<string> {
    const known = [...usage.openingOnly].filter((term) => this.names.hasTerm(term));
    return known.length === 0 ? usage.terms : new Set([...usage.terms, ...known]);
  }

  /**
   * The counterparts of a text's words but of the names among them the names lexicon knows
   * («Путина» is no fishing season); a capitalized word it does not know is a common word
   * too ("Olympic Games", "Central Bank").
   */
  ofTerms(terms: readonly string[], names: ReadonlySet<string>): string[] {
    const known = new Set([...names].filter((term) => this.names.hasTerm(term)));
    return this.counterparts.ofTerms(terms, known);
  }

  /**
   * For the names anywhere in an article: the keys of their spellings there («Москва»:
   * Moscow's), and the name tokens of all their spellings (NamesLexicon.nameTokens).
   */
  nameKeys(names: ReadonlySet<string>, lang: string): string[] {
    const target: LexiconLanguage = lang === 'ru' ? 'en' : 'ru';
    const keys = new Set<string>();
    for (const term of names) {
      for (const token of this.names.nameTokens(term)) keys.add(token);
      if (term.length < MIN_NAME_TERM) continue;
      for (const key of this.names.keysOf(term, target)) keys.add(key);
    }
    return [...keys];
  }
}
