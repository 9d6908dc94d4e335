import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One judged query of ../shared/eval-dev. */
export interface EvalQuery {
  qid: string;
  query: string;
  lang: 'ru' | 'en';
  kind: string;
  relevant: Record<string, number>;
  /** Pooled judgments (adhoc): every article judged, relevant or not. */
  judged?: string[];
}

/** The eval-dev sets by name. */
export const EVAL_SETS = [
  'adhoc',
  'known-item-title',
  'known-item-summary',
  'topical-tag',
  'cross-lingual',
] as const;
export type EvalSetName = (typeof EVAL_SETS)[number];

/** Reads one eval set. */
export async function readEvalSet(dir: string, name: EvalSetName): Promise<EvalQuery[]> {
  return JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) as EvalQuery[];
}

/**
 * The API accepts queries up to 4,000 characters (MAX_QUERY_LENGTH): longer ones are cut at a
 * word boundary. Plain Meilisearch gets the same text.
 */
export function fitQuery(query: string, max = 4000): string {
  if (query.length <= max) return query;
  const cut = query.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1));
}

/** A mixed Russian and English workload for latency and load: titles, tags and summaries' openings. */
export async function workloadQueries(dir: string, size: number): Promise<string[]> {
  const titles = await readEvalSet(dir, 'known-item-title');
  const tags = await readEvalSet(dir, 'topical-tag');
  const crossLingual = await readEvalSet(dir, 'cross-lingual');
  const summaries = await readEvalSet(dir, 'known-item-summary');
  const mixed: string[] = [];
  for (let i = 0; mixed.length < size; i++) {
    const pick = [titles[i], tags[i], crossLingual[i], summaries[i]];
    for (const q of pick) {
      if (q === undefined) continue;
      mixed.push(
        q.kind === 'known-item-summary' ? q.query.split(/\s+/).slice(0, 8).join(' ') : q.query,
      );
    }
    if (i > 1000) break;
  }
  return mixed.slice(0, size);
}
