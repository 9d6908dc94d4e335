/**
 * Cross-lingual search: query translation with the WikDict English-Russian lexicon and names
 * matched across scripts by their consonant keys.
 */
export {
  compileLexicon,
  loadLexicon,
  parseCompiledLexicon,
  LexiconDirection,
  WIKDICT_DIR,
  type Lexicon,
  type LexiconLanguage,
} from './lexicon.js';
export { lexiconKey, TRANSLATIONS_PER_HEADWORD } from './lexicon-compiler.js';
export {
  candidateTerms,
  planTranslation,
  translateWith,
  type PlannedWord,
  type TranslatedQuery,
  type TranslationPlan,
  type WordTranslation,
} from './translate-query.js';
