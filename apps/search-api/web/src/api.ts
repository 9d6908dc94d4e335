/** The parts of the search API's answer the page uses (see /api/docs). */
export interface SearchHit {
  id: string;
  title: string;
  url: string | null;
  link: string;
  source: string | null;
  lang: string;
  published_at: string | null;
  highlight: { title: string; snippet: string };
}

export interface SearchResponse {
  total: number;
  took_ms: number;
  hits: SearchHit[];
  facets: { lang: Record<string, number>; source: Record<string, number> };
  translation: {
    lang: 'ru' | 'en' | null;
    words: Array<{ from: string; to: string }>;
    name_keys: string[];
  } | null;
}

/** A failed search, with the API's own message when it sent one. */
export class SearchFailed extends Error {}

export async function fetchSearch(path: string, signal: AbortSignal): Promise<SearchResponse> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new SearchFailed(error instanceof Error ? error.message : String(error));
  }
  const body = (await response.json().catch(() => null)) as
    (SearchResponse & { error?: { message?: string } }) | null;
  if (!response.ok || body === null) {
    throw new SearchFailed(
      body?.error?.message ?? `${String(response.status)} ${response.statusText}`,
    );
  }
  return body;
}
