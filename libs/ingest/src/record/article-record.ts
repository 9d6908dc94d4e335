/** An article as ingest hands it to the indexer; the shape of the corpus records. */
export interface ArticleRecord {
  id: string;
  lang: 'ru' | 'en';
  source: string | null;
  url: string | null;
  title: string;
  body: string;
  /** ISO 8601, or null when unknown. */
  published_at: string | null;
  tags: string[];
  summary: string | null;
  /** SHA-256 of the normalized body: equal for exact duplicates. */
  content_hash: string;
}

/** Where a record or an error came from. */
export interface RecordOrigin {
  file: string;
  /** 1-based line of a JSON Lines file, or index+1 of a JSON array element. */
  line?: number;
}

/** One outcome of ingesting: a record, a skipped input or a failed one. */
export type IngestEvent =
  | { kind: 'record'; record: ArticleRecord; origin: RecordOrigin }
  | { kind: 'skipped'; reason: string; origin: RecordOrigin }
  | { kind: 'failed'; message: string; origin: RecordOrigin };

/** Formats an origin as `file:line` for messages. */
export function describeOrigin(origin: RecordOrigin): string {
  return origin.line === undefined ? origin.file : `${origin.file}:${origin.line}`;
}
