import { RANKING, type RankingParameters } from './ranking-parameters.js';
import { bagTerms, readTermBag, type BagTerm, type FieldCounts } from './term-bag.js';
import { bagHash, termHash } from './term-hash.js';
import type { TermStatistics } from './term-statistics.js';

/** A query term as the scorer weighs it. */
export interface ScoredTerm {
  term: string;
  /** Its hash's bits a term bag keys by. */
  bagHash: number;
  idf: number;
}

/** What one term contributed to a hit's score. */
export interface TermContribution extends FieldCounts {
  term: string;
  idf: number;
  score: number;
}

/** A hit's BM25F score and its parts. */
export interface Bm25fScore {
  /** Sum of the terms' contributions. */
  score: number;
  /** The score divided by the best a hit could get for this query (0-1). */
  normalized: number;
  /** Share of the query's IDF that the title holds (1: every query term is in the title). */
  titleCoverage: number;
  /** The title holds every query term and no other word: it is the query. */
  titleIsQuery: boolean;
  terms: TermContribution[];
}

/**
 * The distinct terms of a query with their IDF, the most informative first, at most
 * `maxQueryTerms`.
 */
export function scoredTerms(
  terms: readonly string[],
  statistics: TermStatistics,
  parameters: RankingParameters = RANKING,
): ScoredTerm[] {
  return [...new Set(terms)]
    .filter((term) => term.length > 0)
    .map((term) => {
      const hash = termHash(term);
      return { term, bagHash: bagHash(hash), idf: statistics.idf(hash) };
    })
    .sort((a, b) => b.idf - a.idf)
    .slice(0, parameters.maxQueryTerms);
}

/**
 * BM25F over an article's title and body (Robertson and Zaragoza's simple BM25F): each field's
 * count is normalized by the field's length against its mean, weighted, summed into one
 * pseudo-frequency, then saturated once per term and multiplied by the term's IDF.
 */
export class Bm25fScorer {
  private readonly wanted: readonly BagTerm[];
  private readonly best: number;

  /**
   * `queryLength` is the query's analyzed length with stop words (0 when unknown): a title of
   * that length holding every query term is the query.
   */
  constructor(
    private readonly terms: readonly ScoredTerm[],
    private readonly statistics: TermStatistics,
    private readonly parameters: RankingParameters = RANKING,
    private readonly queryLength = 0,
  ) {
    this.wanted = bagTerms(terms.map((t) => t.bagHash));
    // A term held many times in the title of a short article approaches idf; the best
    // possible score is the sum of the IDFs.
    this.best = terms.reduce((sum, t) => sum + t.idf, 0);
  }

  /** Scores an article from its stored term bag. */
  score(storedBag: string): Bm25fScore {
    const bag = readTermBag(storedBag, this.wanted);
    const p = this.parameters;
    const titleNorm =
      1 - p.titleB + (p.titleB * bag.titleLength) / Math.max(1, this.statistics.meanTitleLength);
    const bodyNorm =
      1 - p.bodyB + (p.bodyB * bag.bodyLength) / Math.max(1, this.statistics.meanBodyLength);
    let score = 0;
    let inTitle = 0;
    const terms: TermContribution[] = [];
    for (const term of this.terms) {
      const counts = bag.counts.get(term.bagHash);
      if (counts === undefined) continue;
      const frequency = (p.titleWeight * counts.title) / titleNorm + counts.body / bodyNorm;
      const contribution = (term.idf * frequency) / (p.k1 + frequency);
      score += contribution;
      if (counts.title > 0) inTitle += term.idf;
      terms.push({ term: term.term, idf: term.idf, ...counts, score: contribution });
    }
    return {
      score,
      normalized: this.best > 0 ? score / this.best : 0,
      titleCoverage: this.best > 0 ? inTitle / this.best : 0,
      titleIsQuery:
        this.best > 0 && inTitle >= this.best - 1e-9 && bag.titleLength === this.queryLength,
      terms,
    };
  }
}
