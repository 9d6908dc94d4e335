import {
  analyzeArticle,
  type ArticleInput,
  type CounterpartSource,
} from '../documents/article-document.js';
import type { TermBag } from '../ranking/term-bag.js';

/**
 * Default payload size of one batch sent to Meilisearch, in characters (UTF-16 code units) of
 * NDJSON. Meilisearch pays for every batch it merges into a growing index: an analyzed document
 * is about twice a raw one, and 8 M-character batches took a full reindex to 1.6 times plain
 * ingestion of 8 M-character batches of raw records; 16 M holds as many documents as those.
 */
export const DEFAULT_BATCH_BYTES = 16 * 1024 * 1024;

/** Analyzed documents as NDJSON lines, with their primary keys and where each came from. */
export interface DocumentBatch {
  /** One serialized document per line. */
  lines: string[];
  keys: string[];
  /** `file:line` of each document where known, for the error line of a rejected one. */
  origins: Array<string | undefined>;
}

/** How documents are built and grouped. */
export interface BatchOptions {
  maxBytes?: number;
  /** Carries each article's terms into the other language, for cross-lingual search. */
  counterparts?: CounterpartSource;
  /** Where a record came from (`file:line`), for error lines. */
  originOf?: (record: ArticleInput) => string | undefined;
  /** Stops between two records (Ctrl-C), so a run never analyzes a whole batch first. */
  signal?: AbortSignal;
  /** Told of each article's term counts, for the term statistics of a reindex. */
  onTermBag?: (bag: TermBag) => void;
}

/** The NDJSON payload of a batch or of a part of one. */
export function payloadOf(batch: Pick<DocumentBatch, 'lines'>): string {
  return batch.lines.join('\n');
}

/**
 * Analyzes records (with their counterparts, given `counterparts`) and groups them into
 * NDJSON batches of about `maxBytes`. Each document is serialized once and dropped, so memory
 * holds the serialized text only.
 */
export async function* documentBatches(
  records: AsyncIterable<ArticleInput> | Iterable<ArticleInput>,
  options: BatchOptions = {},
): AsyncGenerator<DocumentBatch> {
  const maxBytes = options.maxBytes ?? DEFAULT_BATCH_BYTES;
  let batch: DocumentBatch = { lines: [], keys: [], origins: [] };
  let size = 0;
  for await (const record of records) {
    options.signal?.throwIfAborted();
    const { document, bag } = analyzeArticle(record, options.counterparts);
    options.onTermBag?.(bag);
    const line = JSON.stringify(document);
    if (batch.lines.length > 0 && size + line.length > maxBytes) {
      yield batch;
      batch = { lines: [], keys: [], origins: [] };
      size = 0;
    }
    batch.lines.push(line);
    batch.keys.push(document.key);
    batch.origins.push(options.originOf?.(record));
    size += line.length;
  }
  if (batch.lines.length > 0) yield batch;
}
