import { requestJson } from '@lib/search-core';
import type { MeiliDirect } from '../meili-direct.js';
import { EVAL_SETS, fitQuery, readEvalSet, type EvalQuery, type EvalSetName } from '../queries.js';
import { round } from '../stats.js';

/** Metrics of one system on one set. */
export interface SetMetrics {
  queries: number;
  mrr10: number;
  ndcg10: number;
  recall10: number;
  recall100: number;
  p10: number;
  /**
   * Share of the top 10 that was judged (pooled sets: adhoc); 1 where every unlisted article
   * counts as judged not relevant. Unjudged articles count as not relevant in nDCG.
   */
  judged10: number;
}

/**
 * Per set: the project's API and plain Meilisearch (title and body, default settings), plus
 * named variants of the project: translation off on the monolingual sets (and both, per query
 * language), and each direction of the cross-lingual set with the language filter set to the
 * language searched for.
 */
export type RelevanceResult = Record<
  EvalSetName,
  { project: SetMetrics; plain: SetMetrics; variants: Record<string, SetMetrics> }
>;

function dcg(gains: number[]): number {
  return gains.reduce((sum, gain, i) => sum + (2 ** gain - 1) / Math.log2(i + 2), 0);
}

/** MRR@10, nDCG@10 (gain 2^grade - 1), Recall@10, Recall@100 and P@10 of one ranking. */
export function scoreRanking(
  ranked: string[],
  relevant: Record<string, number>,
  judged?: readonly string[],
): Omit<SetMetrics, 'queries'> {
  const pool = judged === undefined ? null : new Set([...judged, ...Object.keys(relevant)]);
  const top = ranked.slice(0, 10);
  const grades = ranked.map((id) => relevant[id] ?? 0);
  const firstHit = grades.slice(0, 10).findIndex((g) => g > 0);
  const ideal = Object.values(relevant)
    .sort((a, b) => b - a)
    .slice(0, 10);
  const total = Object.keys(relevant).length;
  const found = (k: number): number => grades.slice(0, k).filter((g) => g > 0).length;
  return {
    mrr10: firstHit < 0 ? 0 : 1 / (firstHit + 1),
    ndcg10: dcg(ideal) === 0 ? 0 : dcg(grades.slice(0, 10)) / dcg(ideal),
    recall10: total === 0 ? 0 : found(10) / total,
    recall100: total === 0 ? 0 : found(100) / total,
    p10: found(10) / 10,
    judged10:
      pool === null || top.length === 0 ? 1 : top.filter((id) => pool.has(id)).length / top.length,
  };
}

function average(scores: Array<Omit<SetMetrics, 'queries'>>): SetMetrics {
  const mean = (key: keyof Omit<SetMetrics, 'queries'>): number =>
    round(scores.reduce((s, x) => s + x[key], 0) / Math.max(1, scores.length), 3);
  return {
    queries: scores.length,
    mrr10: mean('mrr10'),
    ndcg10: mean('ndcg10'),
    recall10: mean('recall10'),
    recall100: mean('recall100'),
    p10: mean('p10'),
    judged10: mean('judged10'),
  };
}

async function projectRanking(
  apiUrl: string,
  query: EvalQuery,
  extra: Record<string, string> = {},
): Promise<string[]> {
  // POST: a pasted passage percent-encoded in Cyrillic is longer than a URL may be.
  const response = await requestJson(new URL('/api/v1/search', apiUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ q: fitQuery(query.query), limit: 100, ...typed(extra) }),
  });
  if (response.status !== 200) throw new Error(`API answered ${response.status} for ${query.qid}`);
  return (response.body as { hits: Array<{ id: string }> }).hits.map((h) => h.id);
}

/** Variant parameters as the JSON body takes them: translate as a boolean. */
function typed(extra: Record<string, string>): Record<string, string | boolean> {
  const body: Record<string, string | boolean> = { ...extra };
  if (extra.translate !== undefined) body.translate = extra.translate === 'true';
  return body;
}

/** Scores both systems on every eval-dev set. */
export async function measureRelevance(options: {
  apiUrl: string;
  meili: MeiliDirect;
  evalDir: string;
  sets?: readonly EvalSetName[];
}): Promise<RelevanceResult> {
  const result = {} as RelevanceResult;
  for (const name of options.sets ?? EVAL_SETS) {
    const queries = await readEvalSet(options.evalDir, name);
    const project: Array<Omit<SetMetrics, 'queries'>> = [];
    const plain: Array<Omit<SetMetrics, 'queries'>> = [];
    const variants = new Map<string, Array<Omit<SetMetrics, 'queries'>>>();
    const addScore = (label: string, score: Omit<SetMetrics, 'queries'>): void => {
      const scores = variants.get(label) ?? [];
      scores.push(score);
      variants.set(label, scores);
    };
    const variant = async (query: EvalQuery, extra: Record<string, string>) =>
      scoreRanking(
        await projectRanking(options.apiUrl, query, extra),
        query.relevant,
        query.judged,
      );
    for (const query of queries) {
      const score = scoreRanking(
        await projectRanking(options.apiUrl, query),
        query.relevant,
        query.judged,
      );
      project.push(score);
      if (name === 'cross-lingual') {
        const target = query.lang === 'ru' ? 'en' : 'ru';
        addScore(
          `${query.lang}->${target}, lang=${target}`,
          await variant(query, { lang: target }),
        );
      } else {
        // Per language too: translation must cost neither language anything.
        const off = await variant(query, { translate: 'false' });
        addScore('translate=false', off);
        addScore(`${query.lang} queries`, score);
        addScore(`${query.lang} queries, translate=false`, off);
      }
      const direct = await options.meili.search('plain', {
        q: fitQuery(query.query),
        limit: 100,
        attributesToRetrieve: ['id'],
      });
      plain.push(
        scoreRanking(
          direct.hits.map((h) => h.id),
          query.relevant,
          query.judged,
        ),
      );
    }
    result[name] = {
      project: average(project),
      plain: average(plain),
      variants: Object.fromEntries(
        [...variants].map(([label, scores]) => [label, average(scores)]),
      ),
    };
  }
  return result;
}
