/** A language of the lexicon; a translation direction, named by the language of its headwords. */
export type LexiconLanguage = 'en' | 'ru';
