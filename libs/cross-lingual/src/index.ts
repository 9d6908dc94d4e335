/**
 * Cross-lingual search: query translation with the WikDict English-Russian lexicon and names
 * matched across scripts by their consonant keys.
 */
export {
  compileCounterpartMap,
  compileLexicon,
  loadCounterparts,
  loadArticleCounterparts,
  loadLexicon,
  loadNamesLexicon,
  parseCompiledLexicon,
  LexiconDirection,
  WIKDICT_DIR,
  type Lexicon,
  type LexiconLanguage,
} from './lexicon.js';
export { lexiconKey, TRANSLATIONS_PER_HEADWORD } from './lexicon-compiler.js';
export { compileCounterparts, COUNTERPART_TRANSLATIONS } from './counterparts-compiler.js';
export { Counterparts } from './counterparts.js';
export { ArticleCounterparts } from './article-counterparts.js';
export { NamesLexicon } from './names-lexicon.js';
export {
  crossLingualQuery,
  planTranslation,
  type CrossLingualQuery,
  type CrossLingualResources,
  type PlannedWord,
  type TranslationPlan,
  type WordTranslation,
} from './translate-query.js';
