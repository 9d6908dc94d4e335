import autocannon from 'autocannon';
import type { MeiliDirect } from '../meili-direct.js';
import { cpuMs, meilisearchPid, PeakRssWatcher } from '../process-memory.js';
import { round } from '../stats.js';

/** One load run's figures. */
export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /**
   * CPU ms per request of the API process and of Meilisearch, from /proc: other load on a
   * shared machine moves these far less than requests per second. Null where not measured.
   */
  apiCpuMsPerRequest: number | null;
  meiliCpuMsPerRequest: number | null;
}

/** The API under load against plain Meilisearch with and without its own highlighting. */
export interface LoadResult {
  connections: number;
  seconds: number;
  /** The API with translation off: the same single query plain Meilisearch gets. */
  api: LoadFigures & { peakRssMb: number };
  /** The API with translation on (its default): two queries per search. */
  translated: LoadFigures;
  plain: LoadFigures;
  plainHighlighted: LoadFigures;
  ratioToPlain: number;
  ratioToPlainHighlighted: number;
}

export type Request = {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
};

/** Requests sent round-robin by `connections` connections for `seconds`. */
export async function run(
  url: string,
  requests: Request[],
  options: {
    connections: number;
    seconds: number;
    apiPid?: number;
    /** The Meilisearch processes that serve the requests (one, or every node of a cluster). */
    meiliPid: number | null | Array<number | null>;
  },
): Promise<LoadFigures> {
  const cpu = (pid: number | null | undefined | Array<number | null>): number | null => {
    if (Array.isArray(pid)) {
      const each = pid.map((one) => cpu(one));
      return each.includes(null) ? null : each.reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
    }
    return pid === undefined || pid === null ? null : cpuMs(pid);
  };
  const apiBefore = cpu(options.apiPid);
  const meiliBefore = cpu(options.meiliPid);
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    requests,
  });
  const perRequest = (before: number | null, after: number | null): number | null =>
    before === null || after === null || result.requests.total === 0
      ? null
      : round((after - before) / result.requests.total, 2);
  return {
    requestsPerSecond: round(result.requests.average, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    apiCpuMsPerRequest: perRequest(apiBefore, cpu(options.apiPid)),
    meiliCpuMsPerRequest: perRequest(meiliBefore, cpu(options.meiliPid)),
  };
}

/** 32 connections (by default) for the given time against each target in turn. */
export async function measureLoad(options: {
  apiUrl: string;
  apiPid: number;
  meili: MeiliDirect;
  queries: string[];
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const { connections, seconds } = options;
  const meiliPid = meilisearchPid(options.meili.url);
  const watcher = new PeakRssWatcher(options.apiPid);
  const apiRun = (translate: boolean): Promise<LoadFigures> =>
    run(
      options.apiUrl,
      options.queries.map((q) => ({
        method: 'GET',
        path: `/api/v1/search?${new URLSearchParams({ q, translate: String(translate) })}`,
      })),
      { connections, seconds, apiPid: options.apiPid, meiliPid },
    );
  // The same queries as plain Meilisearch gets: one language, one query each.
  const api = await apiRun(false);
  const translated = await apiRun(true);
  const peakRssMb = round(watcher.stop(), 0);
  const post = (body: Record<string, unknown>): Request => ({
    method: 'POST',
    path: '/indexes/plain/search',
    body: JSON.stringify(body),
    headers: options.meili.headers(),
  });
  const plain = await run(
    options.meili.url,
    options.queries.map((q) => post({ q, limit: 10 })),
    { connections, seconds, meiliPid },
  );
  const plainHighlighted = await run(
    options.meili.url,
    options.queries.map((q) =>
      post({
        q,
        limit: 10,
        attributesToHighlight: ['title', 'body'],
        attributesToCrop: ['body'],
        cropLength: 30,
      }),
    ),
    { connections, seconds, meiliPid },
  );
  return {
    connections,
    seconds,
    api: { ...api, peakRssMb },
    translated,
    plain,
    plainHighlighted,
    ratioToPlain: round(api.requestsPerSecond / plain.requestsPerSecond, 2),
    ratioToPlainHighlighted: round(api.requestsPerSecond / plainHighlighted.requestsPerSecond, 2),
  };
}
