import { Agent, request } from 'node:http';

/** What a load run saw. */
export interface LoadResult {
  requests: number;
  failed: number;
  /** Failed requests by status (or "error" for a connection that failed). */
  byStatus: Record<string, number>;
}

const QUERIES = ['Путин', 'oil prices', 'нефть', 'trade talks', 'выборы', 'football', 'санкции'];

function get(url: URL, agent: Agent): Promise<number | 'error'> {
  return new Promise((resolve) => {
    const req = request(url, { agent, method: 'GET' }, (response) => {
      response.resume();
      response.once('end', () => {
        resolve(response.statusCode ?? 0);
      });
    });
    req.setTimeout(10_000, () => req.destroy());
    req.once('error', () => {
      resolve('error');
    });
    req.end();
  });
}

/**
 * Searches as readers would, `connections` at a time in loops, until stopped: counts every
 * request and every answer that is not 200.
 */
export function startSearchLoad(
  base: string,
  connections: number,
): { stop: () => Promise<LoadResult> } {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const result: LoadResult = { requests: 0, failed: 0, byStatus: {} };
  let running = true;
  const loop = async (worker: number): Promise<void> => {
    for (let i = worker; running; i += connections) {
      const query = QUERIES[i % QUERIES.length] ?? '';
      const status = await get(
        new URL(`/api/v1/search?q=${encodeURIComponent(query)}`, base),
        agent,
      );
      result.requests++;
      if (status !== 200) {
        result.failed++;
        result.byStatus[String(status)] = (result.byStatus[String(status)] ?? 0) + 1;
      }
    }
  };
  const workers = Array.from({ length: connections }, (_, worker) => loop(worker));
  return {
    stop: async () => {
      running = false;
      await Promise.all(workers);
      agent.destroy();
      return result;
    },
  };
}
