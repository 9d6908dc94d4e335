import { analyze, nameKey, type AnalyzedQuery, type Token } from '@lib/text-analysis';
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

/** What a query can become in the other language, before its words are chosen. */
export interface TranslationPlan {
  /** The language searched by the translation; null when the query mixes both. */
  target: LexiconLanguage | null;
  words: PlannedWord[];
  /** Cross-script keys of the names in the query (see nameKey). */
  nameKeys: string[];
  /** Numbers, the same in both languages. */
  numbers: string[];
}

/** How one query word was carried into the other language. */
export interface WordTranslation {
  from: string;
  /** The translation used. */
  to: string;
}

/** A query carried into the other language. */
export interface TranslatedQuery {
  target: LexiconLanguage | null;
  translations: WordTranslation[];
  nameKeys: string[];
  /** The query for Meilisearch: translated terms, name keys and numbers, at most 10 words. */
  text: string;
  /** Every analyzed term of the translations used, to mark them in snippets. */
  terms: string[];
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
 * Looks a query's words up in the lexicon: two-word phrases first ("prime minister" ->
 * "премьер-министр"), then single words. Names get cross-script keys: capitalized words the
 * lexicon lacks, and capitalized words past the first (a sentence's first word is capitalized
 * anyway); acronyms are never translated ("ВОЗ" is not a cart).
 */
export function planTranslation(query: AnalyzedQuery, lexicon: Lexicon): TranslationPlan {
  const tokens = contentTokens(query);
  const words: PlannedWord[] = [];
  const nameKeys: string[] = [];
  const numbers: string[] = [];
  const languages = new Set<LexiconLanguage>();
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i] as Token;
    const language = languageOf(token);
    if (language === null) {
      if (token.script === 'number') numbers.push(token.term);
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
    if (isCapitalized(token.surface) && (candidates.length === 0 || i > 0)) {
      const key = nameKey(token.surface);
      if (key !== null && !nameKeys.includes(key)) nameKeys.push(key);
    }
    i += used;
  }
  const target = languages.size === 1 ? (languages.has('en') ? 'ru' : 'en') : null;
  return { target, words, nameKeys, numbers };
}

/** The terms whose document frequencies choose between translations (see translateWith). */
export function candidateTerms(plan: TranslationPlan): string[] {
  return [...new Set(plan.words.flatMap((w) => w.candidates.map((c) => c.terms[0] ?? '')))].filter(
    (term) => term !== '',
  );
}

/**
 * A translation used this much less than the word's most used one is a rare sense or a rare
 * synonym; the first (best ranked) translation used at least this share of the most is chosen.
 */
const MIN_FREQUENCY_SHARE = 0.4;

/**
 * Chooses each word's translation: the best-ranked one that the target language's articles
 * use at least 40 % as often as the most used one (document frequency of its first term).
 * Sense order alone picks rare senses ("sanction" -> "одобрение"), frequency alone picks
 * generic words ("Sunday" -> "неделя"). Translations no article uses are dropped. The query
 * text holds the chosen terms, then name keys and numbers.
 */
export function translateWith(
  plan: TranslationPlan,
  documentFrequency: (term: string) => number,
): TranslatedQuery {
  const translations: WordTranslation[] = [];
  const terms: string[] = [];
  for (const word of plan.words) {
    const frequencies = word.candidates.map((c) => documentFrequency(c.terms[0] ?? ''));
    const floor = Math.max(1, Math.max(...frequencies) * MIN_FREQUENCY_SHARE);
    const best = word.candidates.find((_, i) => (frequencies[i] ?? 0) >= floor);
    if (best === undefined) continue;
    translations.push({ from: word.from, to: best.translation });
    terms.push(...best.terms);
  }
  const text = [...new Set([...terms, ...plan.nameKeys, ...plan.numbers])]
    .slice(0, QUERY_WORD_LIMIT)
    .join(' ');
  return { target: plan.target, translations, nameKeys: plan.nameKeys, text, terms };
}
