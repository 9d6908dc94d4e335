import { buildMeiliQuery, NATIVE_SEARCH_FIELDS, requestJson } from '@lib/search-core';
import { analyzeQuery } from '@lib/text-analysis';
import type { MeiliDirect } from '../meili-direct.js';
import { median, percentile, round } from '../stats.js';

/** Sequential latency of the API against the same query sent to Meilisearch directly. */
export interface LatencyResult {
  queries: number;
  rounds: number;
  api: { medianMs: number; p95Ms: number };
  direct: { medianMs: number; p95Ms: number };
  addedMedianMs: number;
  addedP95Ms: number;
  /** The API with cross-lingual search on (its default): a federated search of two queries. */
  translated: { medianMs: number; p95Ms: number };
  /** What translation adds to the API's own latency, per query, at the median. */
  translationAddedMedianMs: number;
  samples: { api: number[]; direct: number[] };
}

const RETRIEVED = ['key', 'id', 'lang', 'source', 'url', 'title', 'body', 'published_at'];

/** What the API sends Meilisearch for a query with translation off. */
export function directBody(query: string): Record<string, unknown> {
  return {
    ...buildMeiliQuery(analyzeQuery(query)),
    limit: 10,
    offset: 0,
    filter: [],
    facets: ['lang', 'source'],
    attributesToRetrieve: RETRIEVED,
    attributesToSearchOn: NATIVE_SEARCH_FIELDS,
  };
}

async function apiSearch(apiUrl: string, query: string, translate: boolean): Promise<number> {
  const started = performance.now();
  const response = await requestJson(
    new URL(
      `/api/v1/search?${new URLSearchParams({ q: query, translate: String(translate) })}`,
      apiUrl,
    ),
  );
  if (response.status !== 200) throw new Error(`API answered ${response.status} for ${query}`);
  return performance.now() - started;
}

/**
 * One warm-up round, then `rounds` rounds over every query: the API with translation off
 * against the same single query sent to Meilisearch directly, and the API with translation on.
 */
export async function measureLatency(options: {
  apiUrl: string;
  meili: MeiliDirect;
  queries: string[];
  rounds: number;
}): Promise<LatencyResult> {
  const api: number[] = [];
  const direct: number[] = [];
  const added: number[] = [];
  const translated: number[] = [];
  const translationAdded: number[] = [];
  for (let round = -1; round < options.rounds; round++) {
    for (const query of options.queries) {
      const apiMs = await apiSearch(options.apiUrl, query, false);
      const directMs = (await options.meili.search('articles', directBody(query))).ms;
      const translatedMs = await apiSearch(options.apiUrl, query, true);
      if (round < 0) continue;
      api.push(apiMs);
      direct.push(directMs);
      added.push(apiMs - directMs);
      translated.push(translatedMs);
      translationAdded.push(translatedMs - apiMs);
    }
  }
  return {
    queries: options.queries.length,
    rounds: options.rounds,
    api: { medianMs: round(median(api)), p95Ms: round(percentile(api, 95)) },
    direct: { medianMs: round(median(direct)), p95Ms: round(percentile(direct, 95)) },
    addedMedianMs: round(median(added)),
    addedP95Ms: round(percentile(added, 95)),
    translated: { medianMs: round(median(translated)), p95Ms: round(percentile(translated, 95)) },
    translationAddedMedianMs: round(median(translationAdded)),
    samples: { api: api.map((v) => round(v, 3)), direct: direct.map((v) => round(v, 3)) },
  };
}
