import {
  analyze,
  isAcronym,
  queryWord,
  romanize,
  type AnalyzedQuery,
  type Token,
} from '@lib/text-analysis';
import type { CrossLingualResources } from './cross-lingual-resources.js';
import type { LexiconLanguage } from './language.js';
import type { Lexicon } from './lexicon.js';
import { commonSenses, isName, isTitleCase } from './query-names.js';
import { languageOf, otherLanguage } from './query-words.js';

export type { CrossLingualResources } from './cross-lingual-resources.js';

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
  /** The senses searched, best first ("саммит / вершина"), or the name's spelling there. */
  to: string;
}

function contentTerms(text: string): string[] {
  return analyze(text)
    .filter((t) => !t.stop && t.compound !== true)
    .map((t) => t.term);
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
    // "G7" or "NATO" says little of the language a query is written in.
    if (!isAcronym(token.surface) && !/\d/.test(token.surface)) languages.add(language);
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
  if (languages.size === 0)
    for (const token of tokens) {
      const language = languageOf(token);
      if (language !== null) languages.add(language);
    }
  const target = languages.size === 1 ? (languages.has('en') ? 'ru' : 'en') : null;
  return { target, words };
}

/**
 * The query that searches the other language's articles. The indexer stored each article's
 * counterparts (its content words carried into the other language) and the name tokens and
 * keys of its names and of their translations, so the reader's own terms are searched there as
 * they are, and every sense of every article word is found. A word the query uses as a name
 * goes by its name token or key (never by the senses of a look-alike word: «Путина» is not
 * "fishing season"), numbers as they are; exclusions exclude the word, its senses and its name
 * there too.
 */
export interface CrossLingualQuery {
  /** The language of the articles searched; null when the query mixes both. */
  target: LexiconLanguage | null;
  /** The query for Meilisearch, at most 10 words, then exclusions. */
  text: string;
  /** The words of `text` without exclusions (empty when `text` is): what a hit is scored by. */
  terms: string[];
  /**
   * `all` for a short query (up to ALL_WORDS_UP_TO words): each word the reader chose must be
   * found, so that one common word alone never makes a hit; `frequency` for longer queries
   * (pasted titles, even with quoted words: a title's every word is never in its translation),
   * whose rarest words say most.
   */
  matchingStrategy: 'all' | 'frequency';
  /**
   * The query's exclusions in both languages (`-syria -сир`), for the native search too: an
   * article of the other language found by a word of the query must not hold what it excludes.
   */
  exclusions: string[];
  /** Cross-script keys of the names searched, to mark them in snippets there. */
  nameKeys: string[];
  /**
   * What to mark in snippets of the other language: the counterparts of the query's words,
   * and its names as spelled there (a name the lexicon lacks is marked by its key).
   */
  counterparts: string[];
  /** What the query's words were searched as, to show the reader. */
  translations: WordTranslation[];
}

/** Queries of up to this many carried words need every one of them in a cross-lingual hit. */
export const ALL_WORDS_UP_TO = 4;
/** Senses shown per word. */
const SENSES_SHOWN = 3;

/** One content word of the query and how it is searched in the other language. */
interface CarriedWord {
  token: Token;
  /** The word for Meilisearch: the term, the name's token, key or spelling; null: none. */
  word: string | null;
  /** The name's key there, for a name: it marks the name in snippets. */
  key: string | null;
  name: boolean;
  /** The name as the lexicon spells it there, when it knows it. */
  spelled: string | null;
}

function carry(
  tokens: readonly Token[],
  target: LexiconLanguage | null,
  resources: CrossLingualResources,
): CarriedWord[] {
  const titleCase = isTitleCase(tokens);
  return tokens.map((token) => {
    if (token.script === 'number')
      return { token, word: queryWord(token.term), key: null, name: false, spelled: null };
    if (!isName(token, titleCase, resources)) {
      // A word of the query's language with no counterpart is in no article there: Meilisearch
      // keeps a query's rarest word to the end, so sent, it would leave a long query nothing.
      const carried =
        target === null ||
        languageOf(token) === target ||
        resources.counterparts.of(token.term).length > 0;
      const word = carried ? queryWord(token.term) : null;
      return { token, word, key: null, name: false, spelled: null };
    }
    const to = target ?? otherLanguage(token);
    const senses = commonSenses(token, resources);
    const key = resources.names.targetKey(token.surface, token.term, to, senses);
    const [best = null] = resources.names.translations(token.term, to, senses);
    const nameToken = resources.names.queryToken(token.surface, token.term);
    if (best !== null && nameToken !== null) {
      // Articles there store the name tokens of their names (ArticleCounterparts): exact where
      // keys collide (Putin, Patten and Paton are `patan`) or stems merge («путин», a fishing
      // season's counterpart). Shown as the common lexicon's first sense when that is the name
      // («Москва»: Moscow, not Moskva), else its transliteration ("Joe": «Джо», not «Ёся»).
      const spelled =
        senses[0] === best.toLowerCase()
          ? best
          : (resources.names.spelling(token.surface, token.term, to, senses) ?? best);
      return { token, word: nameToken, key, name: true, spelled };
    }
    if (key !== null) {
      const [spelled = null] = resources.names.translations(token.term, to, senses);
      return { token, word: key, key, name: true, spelled };
    }
    const term = resources.names.targetTerm(token.surface, token.term, to, senses);
    if (term !== null) {
      const spelled = resources.names.spelling(token.surface, token.term, to, senses) ?? null;
      return { token, word: term, key, name: true, spelled };
    }
    // A name already in the script there ("G7", "Shiba" in a Russian query) goes as it is.
    const word = target === null || languageOf(token) === to ? queryWord(token.term) : null;
    return { token, word, key, name: true, spelled: null };
  });
}

/** The senses of a word searched there: the lexicon's translations its counterparts hold. */
function sensesOf(word: PlannedWord | undefined, counterparts: ReadonlySet<string>): string[] {
  if (word === undefined) return [];
  const romanized = word.from.includes(' ') ? '' : romanize(word.from).toLowerCase();
  return word.candidates
    .filter((c) => c.translation !== romanized && c.terms.every((t) => counterparts.has(t)))
    .map((c) => c.translation)
    .slice(0, SENSES_SHOWN);
}

/** How each carried word is explained: its senses there, or the name as spelled there. */
function explain(
  carried: readonly CarriedWord[],
  plan: TranslationPlan,
  resources: CrossLingualResources,
): WordTranslation[] {
  const explained: WordTranslation[] = [];
  for (let i = 0; i < carried.length; i++) {
    const { token, name, spelled } = carried[i] as CarriedWord;
    if (name) {
      // A name the lexicon spells there is shown so; others go as "names in both scripts".
      if (spelled !== null) explained.push({ from: token.surface, to: spelled });
      continue;
    }
    // A two-word phrase of the lexicon ("fishing season") is explained as one.
    const next = carried[i + 1];
    const pair = next === undefined || next.name ? '' : `${token.surface} ${next.token.surface}`;
    const phrase = plan.words.find((w) => w.from.toLowerCase() === pair.toLowerCase());
    const word =
      phrase ?? plan.words.find((w) => w.from.toLowerCase() === token.surface.toLowerCase());
    if (phrase !== undefined) i++;
    const terms = phrase === undefined ? [token.term] : [token.term, next?.token.term ?? ''];
    const senses = sensesOf(word, new Set(resources.counterparts.ofTerms(terms)));
    if (senses.length > 0 && word !== undefined)
      explained.push({ from: word.from, to: senses.join(' / ') });
  }
  return explained;
}

/** Exclusions there: the excluded word, its senses, and its name's spellings or key. */
function exclusionsOf(
  query: AnalyzedQuery,
  target: LexiconLanguage | null,
  resources: CrossLingualResources,
): string[] {
  const excluded = new Set<string>();
  for (const clause of query.clauses.filter((c) => c.negated)) {
    if (clause.phrase) {
      excluded.add(`-"${clause.tokens.map((t) => t.term).join(' ')}"`);
      continue;
    }
    for (const token of clause.tokens.filter((t) => !t.stop)) {
      excluded.add(`-${queryWord(token.term)}`);
      for (const sense of resources.counterparts.of(token.term)) excluded.add(`-${sense}`);
      // A name the lexicon spells there by its spellings; another by its key (keys collide:
      // OPEC's is APEC's).
      const spellings = resources.names.spellingTerms(token.term);
      for (const term of spellings) excluded.add(`-${queryWord(term)}`);
      const nameToken = resources.names.queryToken(token.surface, token.term);
      if (nameToken !== null) excluded.add(`-${nameToken}`);
      const key = resources.names.targetKey(
        token.surface,
        token.term,
        target ?? otherLanguage(token),
      );
      if (spellings.length === 0 && key !== null) excluded.add(`-${key}`);
    }
  }
  return [...excluded];
}

/** A name's terms as spelled there («Байден» -> `байд`, which marks «Байдена» too). */
function spelledTerms(word: CarriedWord, resources: CrossLingualResources): string[] {
  if (!word.name || word.word === null) return [];
  const spellings = resources.names.spellingTerms(word.token.term);
  return spellings.length > 0 ? spellings : [word.word];
}

/** Builds the counterpart search of a query (see CrossLingualQuery). */
export function crossLingualQuery(
  query: AnalyzedQuery,
  resources: CrossLingualResources,
): CrossLingualQuery {
  const plan = planTranslation(query, resources.lexicon);
  const carried = carry(contentTokens(query), plan.target, resources);
  const short = carried.length <= ALL_WORDS_UP_TO;
  const words = [...new Set(carried.flatMap((c) => (c.word === null ? [] : [c.word])))].slice(
    0,
    QUERY_WORD_LIMIT,
  );
  // Every word of a short query must be found: one that cannot be carried leaves nothing.
  const complete = carried.every((c) => c.word !== null);
  const nameKeys = [...new Set(carried.flatMap((c) => (c.key === null ? [] : [c.key])))];
  const commonTerms = carried.filter((c) => !c.name).map((c) => c.token.term);
  const exclusions = exclusionsOf(query, plan.target, resources);
  const text =
    words.length === 0 || (short && !complete) ? '' : [...words, ...exclusions].join(' ');
  return {
    target: plan.target,
    text,
    terms: text === '' ? [] : words,
    exclusions,
    matchingStrategy: short ? 'all' : 'frequency',
    nameKeys,
    counterparts: [
      ...new Set([
        ...resources.counterparts.ofTerms(commonTerms),
        ...carried.flatMap((c) => spelledTerms(c, resources)),
      ]),
    ],
    translations: explain(carried, plan, resources),
  };
}
