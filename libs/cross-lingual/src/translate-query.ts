import {
  analyze,
  nameKey,
  queryWord,
  romanize,
  type AnalyzedQuery,
  type Token,
} from '@lib/text-analysis';
import type { Counterparts } from './counterparts.js';
import type { Lexicon, LexiconLanguage } from './lexicon.js';

/** Meilisearch reads only this many words of a query. */
const QUERY_WORD_LIMIT = 10;

/** One query word (or two-word phrase) and the lexicon's translations of it. */
export interface PlannedWord {
  /** The words as the reader wrote them. */
  from: string;
  /** Each translation with its analyzed terms (stop words and compound wholes left out). */
  candidates: Array<{ translation: string; terms: string[] }>;
}

/** The lexicon's translations of a query's words, to explain them. */
export interface TranslationPlan {
  /** The language searched by the translation; null when the query mixes both. */
  target: LexiconLanguage | null;
  words: PlannedWord[];
}

/** How one query word was carried into the other language. */
export interface WordTranslation {
  from: string;
  /** The translation used. */
  to: string;
}

function languageOf(token: Token): LexiconLanguage | null {
  if (token.script === 'cyrillic') return 'ru';
  if (token.script === 'latin') return 'en';
  return null;
}

function contentTerms(text: string): string[] {
  return analyze(text)
    .filter((t) => !t.stop && t.compound !== true)
    .map((t) => t.term);
}

function isCapitalized(surface: string): boolean {
  const first = surface.charAt(0);
  return first !== first.toLowerCase();
}

/** "ВОЗ", "NATO": acronyms are names, not the common words they spell ("воз" is a cart). */
function isAcronym(surface: string): boolean {
  return (
    surface.length >= 2 && surface === surface.toUpperCase() && surface !== surface.toLowerCase()
  );
}

/** The loose words of a query worth translating: no stop words, no exclusions. */
function contentTokens(query: AnalyzedQuery): Token[] {
  return query.clauses
    .filter((clause) => !clause.negated)
    .flatMap((clause) => clause.tokens)
    .filter((token) => !token.stop && token.compound !== true);
}

function lookup(lexicon: Lexicon, tokens: Token[], i: number): { to: string[]; used: number } {
  const token = tokens[i];
  const next = tokens[i + 1];
  if (token === undefined) return { to: [], used: 1 };
  const language = languageOf(token);
  if (language === null || isAcronym(token.surface)) return { to: [], used: 1 };
  if (next !== undefined && languageOf(next) === language) {
    const phrase = `${token.surface} ${next.surface}`.toLowerCase();
    const to = lexicon[language].lookup(`${token.term} ${next.term}`, phrase);
    if (to.length > 0) return { to, used: 2 };
  }
  return { to: lexicon[language].lookup(token.term, token.surface.toLowerCase()), used: 1 };
}

/**
 * Looks a query's words up in the lexicon, to explain them: two-word phrases first ("prime
 * minister" -> "премьер-министр"), then single words; acronyms are never translated ("ВОЗ" is
 * not a cart). The target is the other language, or null for a query that mixes both.
 */
export function planTranslation(query: AnalyzedQuery, lexicon: Lexicon): TranslationPlan {
  const tokens = contentTokens(query);
  const words: PlannedWord[] = [];
  const languages = new Set<LexiconLanguage>();
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i] as Token;
    const language = languageOf(token);
    if (language === null) {
      i++;
      continue;
    }
    languages.add(language);
    const { to, used } = lookup(lexicon, tokens, i);
    const from = tokens
      .slice(i, i + used)
      .map((t) => t.surface)
      .join(' ');
    const candidates = to
      .map((translation) => ({ translation, terms: contentTerms(translation) }))
      .filter((candidate) => candidate.terms.length > 0);
    if (candidates.length > 0) words.push({ from, candidates });
    i += used;
  }
  const target = languages.size === 1 ? (languages.has('en') ? 'ru' : 'en') : null;
  return { target, words };
}

/**
 * The query that searches the other language's articles. The indexer stored each article's
 * counterparts (its terms carried into the other language), so the reader's own terms are
 * searched there as they are: no translation has to be chosen before searching, and every
 * sense of every article word is found. Names go as cross-script keys (matched in name_keys),
 * numbers as they are; exclusions stay exclusions.
 */
export interface CrossLingualQuery {
  /** The language of the articles searched; null when the query mixes both. */
  target: LexiconLanguage | null;
  /** The query for Meilisearch, at most 10 words, then exclusions. */
  text: string;
  /** Cross-script keys of the names in the query. */
  nameKeys: string[];
  /** Counterparts of the query's terms, to mark in snippets of the other language. */
  counterparts: string[];
  /** What the query's words mean in the other language, to show the reader. */
  translations: WordTranslation[];
}

/**
 * A name's key, for a capitalized word past the first, an acronym ("ВОЗ", "NATO"), or a
 * capitalized first word the lexicon lacks ("Tillerson"): a sentence's first word is
 * capitalized anyway, and a known word is better searched by its counterparts.
 */
function queryNameKey(token: Token, index: number, lexicon: Lexicon): string | null {
  if (!isCapitalized(token.surface)) return null;
  const language = languageOf(token);
  const known =
    language !== null &&
    lexicon[language].lookup(token.term, token.surface.toLowerCase()).length > 0;
  if (index === 0 && known && !isAcronym(token.surface)) return null;
  return nameKey(token.surface);
}

/** The query's words for the counterpart search: terms, name keys and numbers, each once. */
function crossWords(
  tokens: readonly Token[],
  lexicon: Lexicon,
): { words: string[]; nameKeys: string[] } {
  const words: string[] = [];
  const nameKeys: string[] = [];
  tokens.forEach((token, index) => {
    const key = token.script === 'number' ? null : queryNameKey(token, index, lexicon);
    if (key !== null && !nameKeys.includes(key)) nameKeys.push(key);
    const word = key ?? queryWord(token.term);
    if (!words.includes(word)) words.push(word);
  });
  return { words: words.slice(0, QUERY_WORD_LIMIT), nameKeys };
}

/**
 * The translation shown for a word: its romanization when the lexicon has it (a name: Путин
 * is "putin", not the lexicon's first sense "poutine"), else the best-ranked translation.
 */
function explanationOf(word: PlannedWord): string | undefined {
  const romanized = word.from.includes(' ') ? '' : romanize(word.from).toLowerCase();
  const name = word.candidates.find((c) => c.translation === romanized);
  return (name ?? word.candidates[0])?.translation;
}

/** Builds the counterpart search of a query (see CrossLingualQuery). */
export function crossLingualQuery(
  query: AnalyzedQuery,
  lexicon: Lexicon,
  counterparts: Counterparts,
): CrossLingualQuery {
  const plan = planTranslation(query, lexicon);
  const tokens = contentTokens(query);
  const { words, nameKeys } = crossWords(tokens, lexicon);
  const exclusions = query.clauses
    .filter((clause) => clause.negated)
    .flatMap((clause) => clause.tokens.filter((t) => !t.stop).map((t) => `-${queryWord(t.term)}`));
  const text = words.length === 0 ? '' : [...words, ...exclusions].join(' ');
  return {
    target: plan.target,
    text,
    nameKeys,
    counterparts: counterparts.ofTerms(tokens.map((t) => t.term)),
    translations: plan.words.flatMap((word) => {
      const shown = explanationOf(word);
      return shown === undefined ? [] : [{ from: word.from, to: shown }];
    }),
  };
}
