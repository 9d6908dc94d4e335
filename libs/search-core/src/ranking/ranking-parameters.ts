/**
 * The second ranking stage's parameters, each with its reason. Tuned on eval-dev only
 * (../shared/eval-dev: adhoc, known-item, topical-tag and cross-lingual sets); see the
 * README's relevance table for what each choice measured.
 */
/** The parameters of the second ranking stage (see RANKING). */
export interface RankingParameters {
  depth: number;
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
   * Candidates taken from each Meilisearch search (native, relaxed and translated) and scored
   * here. Meilisearch's top 100 holds 0.83 of the judged relevant articles of adhoc queries
   * where its top 10 holds 0.54; scoring 40 instead of 100 gave the same adhoc nDCG@10 (0.769)
   * and known-item-summary 0.724 against 0.732, and every candidate costs Meilisearch and the
   * API time (sequential search 15 ms against 21 ms on the same machine).
   */
  depth: 40,
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
