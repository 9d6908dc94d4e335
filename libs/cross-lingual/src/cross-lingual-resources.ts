import type { Counterparts } from './counterparts.js';
import type { Lexicon } from './lexicon.js';
import type { NamesLexicon } from './names-lexicon.js';

/** What the search API reads to search the other language. */
export interface CrossLingualResources {
  lexicon: Lexicon;
  counterparts: Counterparts;
  names: NamesLexicon;
}
