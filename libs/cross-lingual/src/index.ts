/**
 * Cross-lingual search: query translation with the WikDict English-Russian lexicon and names
 * matched across scripts by their consonant keys.
 */
export {
  loadLexicon,
  parseLexicon,
  LexiconDirection,
  WIKDICT_DIR,
  TRANSLATIONS_PER_HEADWORD,
  type Lexicon,
  type LexiconLanguage,
} from './lexicon.js';
