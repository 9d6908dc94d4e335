/** Highlighted HTML of a hit: text escaped, matched words in <mark>. */
export interface HitHighlight {
  title: string;
  snippet: string;
}

/** One search hit. */
export interface SearchHit {
  id: string;
  title: string;
  /** The article's original address, or null. */
  url: string | null;
  /** Always works: `url`, or the project's own page for the stored document. */
  link: string;
  source: string | null;
  lang: string;
  published_at: string | null;
  highlight: HitHighlight;
}

/** Response of GET /api/v1/search. */
export interface SearchResponse {
  query: string;
  total: number;
  took_ms: number;
  limit: number;
  offset: number;
  hits: SearchHit[];
  facets: { lang: Record<string, number>; source: Record<string, number> };
}
