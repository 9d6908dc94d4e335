import {
  queryWord,
  queryWordCount,
  type AnalyzedQuery,
  type QueryClause,
} from '@lib/text-analysis';

/** Meilisearch reads only this many words of a query; the rest are ignored. */
export const MEILI_QUERY_WORD_LIMIT = 10;
/**
 * Queries of at least this many words give up their most common words first when too few
 * articles match all of them. Meilisearch's `last` strategy gives up the last word instead,
 * whatever it is: "прощание с Табаковым" found farewells to anyone but Tabakov (adhoc nDCG@10
 * 0.766 with `last` for queries of up to three words, 0.816 with `frequency`).
 */
export const FREQUENCY_MATCHING_MIN_WORDS = 2;
/**
 * Queries of at least this many words or phrases (or long ones) also search without their
 * rarest one (see
 * MeiliQuery.relaxed): a tag such as "Александр Митта (Рабинович)" names a word its articles
 * lack. For two it cost more than it found (adhoc 0.811 against 0.816, topical-tag 0.481
 * against 0.489), and "1,5 процента" would find articles without the number.
 */
export const RELAXED_SEARCH_MIN_CLAUSES = 3;
/** Queries of at least this many words are long: titles and pasted passages (see RANKING). */
export const LONG_QUERY_MIN_WORDS = 4;

/** A query as Meilisearch takes it. */
export interface MeiliQuery {
  /** Stems as words; phrases and numbers with separators in double quotes; exclusions with '-'. */
  q: string;
  /**
   * Which words Meilisearch gives up first when not every document has all of them: the most
   * common ones, as a query's rare words say most (`last` only for one word, where the two
   * strategies agree).
   */
  matchingStrategy: 'last' | 'frequency';
  /** A title or pasted passage rather than a few chosen words: searched deeper (see RANKING). */
  long: boolean;
  /**
   * For a query that gives up its most common words first (given term statistics): the same
   * words without the rarest one, to be searched with the same strategy. Meilisearch never
   * gives up a query's rarest word, so an article that lacks it (a pasted passage with one word
   * the article does not use) is found only by this second search. Null where there is none
   * (a query with one content word).
   */
  relaxed: string | null;
}

function phraseOf(clause: QueryClause): string {
  return `"${clause.tokens.map((t) => t.term).join(' ')}"`;
}

function textOf(clause: QueryClause): string {
  return clause.phrase ? phraseOf(clause) : queryWord(clause.tokens[0]?.term ?? '');
}

/** Words Meilisearch reads in a clause (a number's digit groups each count). */
function wordCount(clause: QueryClause): number {
  return clause.tokens.reduce((sum, token) => sum + queryWordCount(token.term), 0);
}

/**
 * The clauses of a query longer than Meilisearch reads, cut to the most informative ones that
 * fit, in the query's order: a pasted passage's rare words say what it is about, and words no
 * article holds find nothing. Without term statistics, or for a query that fits, all clauses.
 */
function informativeClauses(
  clauses: QueryClause[],
  documentFrequency: ((term: string) => number) | undefined,
): QueryClause[] {
  const content = clauses.filter((c) => c.phrase || c.tokens.some((t) => !t.stop));
  const words = content.reduce((sum, c) => sum + wordCount(c), 0);
  if (documentFrequency === undefined || words <= MEILI_QUERY_WORD_LIMIT) return clauses;
  // A clause is as rare as its rarest term; one that no article holds is left out.
  const rarity = new Map(
    content.map((c) => [c, Math.min(...c.tokens.map((t) => documentFrequency(t.term)))]),
  );
  const chosen = new Set<QueryClause>();
  let count = 0;
  const seen = new Set<string>();
  for (const clause of [...content].sort((a, b) => (rarity.get(a) ?? 0) - (rarity.get(b) ?? 0))) {
    const text = textOf(clause);
    if ((rarity.get(clause) ?? 0) === 0 || seen.has(text)) continue;
    const size = wordCount(clause);
    if (count + size > MEILI_QUERY_WORD_LIMIT) continue;
    seen.add(text);
    chosen.add(clause);
    count += size;
  }
  return chosen.size === 0 ? clauses : clauses.filter((c) => chosen.has(c));
}

/**
 * Writes an analyzed query in Meilisearch's syntax over the analyzed fields. Stop words stay
 * when the whole query, with them, has four to ten words: an article whose title is exactly
 * the query then matches it exactly ("… RESERVES UP SHARPLY" before "… UP SHARPLY IN FEB"), and
 * the frequency strategy gives them up first. A shorter query drops its loose stop words, which
 * would weigh as much as its content words in Meilisearch's ranking. A longer one drops them so that its content words fit. Inside
 * phrases they always stay, and a query of stop words only keeps them. Given the corpus's
 * `documentFrequency`, a query too long for Meilisearch keeps its most informative words (see
 * informativeClauses) instead of its first ones.
 */
export function buildMeiliQuery(
  query: AnalyzedQuery,
  documentFrequency?: (term: string) => number,
): MeiliQuery {
  const positive = informativeClauses(
    query.clauses.filter((c) => !c.negated),
    documentFrequency,
  );
  // Words of the query with its stop words, each clause once (a phrase counts all its words).
  const clauseWords = new Map(positive.map((c) => [textOf(c), wordCount(c)]));
  clauseWords.delete('');
  const allWords = [...clauseWords.values()].reduce((sum, n) => sum + n, 0);
  const hasContent = positive.some((c) => c.phrase || c.tokens.some((t) => !t.stop));
  const dropStops =
    hasContent && (allWords < LONG_QUERY_MIN_WORDS || allWords > MEILI_QUERY_WORD_LIMIT);
  const parts: string[] = [];
  const sent: QueryClause[] = [];
  const seen = new Set<string>();
  let words = 0;
  for (const clause of positive) {
    const text = textOf(clause);
    const isStop = !clause.phrase && clause.tokens[0]?.stop === true;
    if (text.length === 0 || seen.has(text) || (isStop && dropStops)) continue;
    const count = wordCount(clause);
    if (words + count > MEILI_QUERY_WORD_LIMIT && words > 0) break;
    seen.add(text);
    parts.push(text);
    sent.push(clause);
    words += count;
  }
  const exclusions = query.clauses.filter((c) => c.negated).map((c) => `-${textOf(c)}`);
  const long = words >= LONG_QUERY_MIN_WORDS;
  const contentClauses = sent.filter((c) => c.phrase || c.tokens.some((t) => !t.stop)).length;
  return {
    q: [...parts, ...exclusions].join(' '),
    matchingStrategy: words >= FREQUENCY_MATCHING_MIN_WORDS ? 'frequency' : 'last',
    long,
    relaxed:
      (long || contentClauses >= RELAXED_SEARCH_MIN_CLAUSES) && documentFrequency !== undefined
        ? withoutRarest(sent, documentFrequency, exclusions)
        : null,
  };
}

/**
 * The query's clauses in its order without its rarest content clauses (by their rarest term;
 * all of those tied for rarest, as Meilisearch may count either as its rarest), exclusions
 * kept; null when no content clause would remain.
 */
function withoutRarest(
  clauses: QueryClause[],
  documentFrequency: (term: string) => number,
  exclusions: string[],
): string | null {
  const rarity = new Map(
    clauses
      .filter((clause) => clause.tokens.some((t) => !t.stop))
      .map((clause) => [
        clause,
        Math.min(...clause.tokens.filter((t) => !t.stop).map((t) => documentFrequency(t.term))),
      ]),
  );
  const rarest = Math.min(...rarity.values());
  const kept = clauses.filter((clause) => rarity.get(clause) !== rarest);
  if (!kept.some((clause) => rarity.has(clause))) return null;
  return [...kept.map(textOf), ...exclusions].join(' ');
}
