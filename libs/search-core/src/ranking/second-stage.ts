import { mergeRankings, type RankedHit } from '../query/merge-rankings.js';
import type { Bm25fScorer, TermContribution } from './bm25f.js';
import { RANKING, type RankingParameters } from './ranking-parameters.js';

/** A candidate from Meilisearch: what the merge needs, and the article's stored term bag. */
export interface Candidate extends RankedHit {
  term_bag?: string;
}

/** Why a hit ranks where it does (`explain=true`). */
export interface ScoreExplanation {
  /** The final score hits are ordered by. */
  score: number;
  /** Which search found it: the reader's words, or their translation. */
  origin: 'native' | 'translated';
  /** Meilisearch's ranking score (0-1): proximity, typos, exactness, word count. */
  meilisearch: number;
  /** BM25F over title and body, and the same scaled by the query's best possible score. */
  bm25f: number;
  bm25f_normalized: number;
  /** Share of the query's IDF in the title; whether the title is the query. */
  title_coverage: number;
  title_is_query: boolean;
  terms: TermContribution[];
}

/** The candidates of each search, in Meilisearch's order. */
export interface CandidateLists<T> {
  /** The reader's query. */
  native: readonly T[];
  /**
   * The reader's query without its rarest word (see MeiliQuery.relaxed): scored as native
   * hits; its candidates past `depth` are left out.
   */
  relaxed?: readonly T[];
  /** The translated query. */
  translated?: readonly T[];
}

/** A hit with its score and how the score was made. */
export interface ScoredHit<T> {
  hit: T;
  explanation: ScoreExplanation | null;
}

/** The scorers of each search: null where that search did not run. */
export interface StageScorers {
  native: Bm25fScorer;
  translated: Bm25fScorer | null;
  /**
   * A translated hit scores this share of a native hit with the same evidence: counterparts
   * from a lexicon are weaker evidence than the reader's own words (TRANSLATION_WEIGHT).
   */
  translatedWeight: number;
}

function explain(
  hit: Candidate,
  origin: ScoreExplanation['origin'],
  scorer: Bm25fScorer,
  weight: number,
  parameters: RankingParameters,
): ScoreExplanation {
  const meilisearch = hit._rankingScore ?? 0;
  const bm25f = scorer.score(hit.term_bag ?? '');
  const blended =
    (1 - parameters.meiliShare) * bm25f.normalized +
    parameters.meiliShare * meilisearch +
    parameters.titleBonus * bm25f.titleCoverage ** parameters.titleBonusPower +
    (bm25f.titleIsQuery ? parameters.exactTitleBonus : 0);
  return {
    score: blended * weight,
    origin,
    meilisearch,
    bm25f: bm25f.score,
    bm25f_normalized: bm25f.normalized,
    title_coverage: bm25f.titleCoverage,
    title_is_query: bm25f.titleIsQuery,
    terms: bm25f.terms,
  };
}

/**
 * The second ranking stage: the first `depth` candidates of each search are scored (BM25F
 * blended with Meilisearch's own score, a translated hit weighed down) and ordered by score; an
 * article both searches found keeps its better score. Candidates past `depth` follow in
 * Meilisearch's order, merged as without a second stage, so the order of the first `depth`
 * never depends on how many were asked for (paging and limits never reorder a page).
 */
export function rankCandidates<T extends Candidate>(
  lists: CandidateLists<T>,
  scorers: StageScorers,
  parameters: RankingParameters = RANKING,
): Array<ScoredHit<T>> {
  const { native, translated = [], relaxed = [] } = lists;
  const best = new Map<string, { hit: T; explanation: ScoreExplanation; order: number }>();
  const consider = (
    hits: readonly T[],
    origin: ScoreExplanation['origin'],
    scorer: Bm25fScorer | null,
    weight: number,
  ): void => {
    if (scorer === null) return;
    for (const hit of hits.slice(0, parameters.depth)) {
      const explanation = explain(hit, origin, scorer, weight, parameters);
      const known = best.get(hit.key);
      if (known === undefined) best.set(hit.key, { hit, explanation, order: best.size });
      else if (explanation.score > known.explanation.score)
        best.set(hit.key, { ...known, explanation });
    }
  };
  consider(native, 'native', scorers.native, 1);
  consider(relaxed, 'native', scorers.native, 1);
  consider(translated, 'translated', scorers.translated, scorers.translatedWeight);
  const head = [...best.values()].sort(
    (a, b) => b.explanation.score - a.explanation.score || a.order - b.order,
  );
  const tail = mergeRankings(
    native.slice(parameters.depth),
    scorers.translated === null ? [] : translated.slice(parameters.depth),
    scorers.translatedWeight,
  ).filter((hit) => !best.has(hit.key));
  return [
    ...head.map(({ hit, explanation }) => ({ hit, explanation })),
    ...tail.map((hit) => ({ hit, explanation: null })),
  ];
}
