/**
 * The second ranking stage's parameters, each with its reason. Tuned on eval-dev only
 * (../shared/eval-dev: adhoc, known-item, topical-tag and cross-lingual sets); see the
 * README's relevance table for what each choice measured.
 */
/** The parameters of the second ranking stage (see RANKING). */
export interface RankingParameters {
  depth: number;
  longQueryDepth: number;
  k1: number;
  titleWeight: number;
  titleB: number;
  bodyB: number;
  meiliShare: number;
  titleBonus: number;
  titleBonusPower: number;
  exactTitleBonus: number;
  maxQueryTerms: number;
}

export const RANKING: Readonly<RankingParameters> = {
  /**
   * Candidates taken from each Meilisearch search (native, relaxed and translated) of a query
   * of up to three words, and scored here. Meilisearch's top 100 holds 0.83 of the judged
   * relevant articles of adhoc queries where its top 10 holds 0.54, but every candidate costs
   * Meilisearch and the API time: 20 instead of 40 cost 0.003 topical-tag nDCG@10 (0.491), left
   * adhoc as it was and cut a sequential search from 11.5 to 10.9 ms.
   */
  depth: 20,
  /**
   * Candidates per search of a longer query (titles, pasted passages), whose answer Meilisearch
   * ranks lower when the query holds words the article lacks: known-item-summary nDCG@10 0.737
   * at 30 and 40, 0.730 at 20.
   */
  longQueryDepth: 30,
  /** BM25's term-frequency saturation: the usual value, a third mention adds little. */
  k1: 1.2,
  /** A title match counts as this many body mentions (BM25F field weight). */
  titleWeight: 3,
  /** Length normalization of titles: headlines vary little in length. */
  titleB: 0.3,
  /** Length normalization of bodies: a long piece mentioning a word once is not about it. */
  bodyB: 0.5,
  /**
   * Share of the final score from Meilisearch's ranking score, which carries what term counts
   * do not: proximity of the query's words, typos, exact forms. The rest is BM25F scaled by
   * the query's best possible score.
   */
  meiliShare: 0.25,
  /**
   * Added for a title that holds the query's terms, by the share of the query's IDF it holds
   * raised to titleBonusPower: a headline that is the query is the article readers look for.
   */
  titleBonus: 0.2,
  titleBonusPower: 2,
  /** Added for a title that is the query, word for word in any form: a known item found. */
  exactTitleBonus: 0.05,
  /** Query terms scored at most (the most informative first): pasted passages stay cheap. */
  maxQueryTerms: 64,
};

/** Candidates per search: deeper for longer queries (see RANKING). */
export function candidateDepth(
  longQuery: boolean,
  parameters: Readonly<RankingParameters> = RANKING,
): number {
  return longQuery ? parameters.longQueryDepth : parameters.depth;
}
