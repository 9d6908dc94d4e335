/**
 * Bilingual (Russian + English) text analysis: pure functions, no I/O. Documents and queries
 * go through the same chain: tokenize -> normalize -> repair homoglyphs -> stem -> stop words.
 */
export {
  analyze,
  analyzeForIndex,
  analyzeTerms,
  toIndexText,
  wordSpans,
  MAX_TERM_LENGTH,
  type Token,
  type WordSpan,
} from './analyzer.js';
export {
  analyzeWord,
  NUMBER_SEPARATOR,
  queryWord,
  queryWordCount,
  type TermInfo,
} from './word-analysis.js';
export { firstCharFilter, type FirstCharFilter } from './first-char-filter.js';
export {
  analyzeQuery,
  positiveTerms,
  withNameForms,
  type AnalyzedQuery,
  type QueryClause,
} from './query.js';
export { detectLanguage, type TextLanguage } from './language.js';
export { normalizeWord, foldYo, unifyPunctuation } from './normalize.js';
export { repairHomoglyphs } from './homoglyphs.js';
export { scriptOfWord, countScripts, type TokenScript, type ScriptCounts } from './script.js';
export { stemWord, STEM_CACHE_CAPACITY } from './stemmer.js';
export { BoundedCache, detachString } from './bounded-cache.js';
export { hashRange } from './range-cache.js';
export {
  configureAnalysisCaches,
  DEFAULT_CACHE_CAPACITIES,
  type CacheCapacities,
} from './caches.js';
export { isStopWord, STOP_WORDS } from './stop-words.js';
export { isStopTerm } from './stop-terms.js';
export { tokenize, scanRawTokens, type RawToken, type RawTokenKind } from './tokenizer.js';
export {
  isAcronym,
  nameKey,
  nameKeys,
  nameShape,
  nameUsage,
  romanize,
  type NameUsage,
} from './names.js';
