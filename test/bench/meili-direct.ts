import { requestJson } from '@lib/search-core';

/** Direct calls to Meilisearch's HTTP API, as a client that does no analysis would make them. */
export class MeiliDirect {
  constructor(
    readonly url: string,
    private readonly key: string,
  ) {}

  /** POST /indexes/:uid/search; returns the parsed body and the time taken in ms. */
  async search(
    uid: string,
    body: Record<string, unknown>,
  ): Promise<{ ms: number; hits: Array<{ id: string }>; status: number }> {
    const started = performance.now();
    const response = await requestJson(new URL(`/indexes/${uid}/search`, this.url), {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify(body),
    });
    const parsed = response.body as { hits?: Array<{ id: string }> };
    return { ms: performance.now() - started, hits: parsed.hits ?? [], status: response.status };
  }

  /** Headers of an authorized JSON request. */
  headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.key}`, 'Content-Type': 'application/json' };
  }
}
