import {
  toArticleDocument,
  type ArticleInput,
  type CounterpartTerms,
} from '../documents/article-document.js';

/**
 * Default payload size of one batch sent to Meilisearch, in characters (UTF-16 code units) of
 * NDJSON. Meilisearch pays for every batch it merges into a growing index: an analyzed document
 * is about twice a raw one, and 8 M-character batches took a full reindex to 1.6 times plain
 * ingestion of 8 M-character batches of raw records; 16 M holds as many documents as those.
 */
export const DEFAULT_BATCH_BYTES = 16 * 1024 * 1024;

/** Analyzed documents as one NDJSON payload, with their primary keys. */
export interface DocumentBatch {
  payload: string;
  keys: string[];
}

/**
 * Analyzes records (with their counterparts, given `counterpartsOf`) and groups them into NDJSON payloads of about `maxBytes`. Each document is
 * serialized once and dropped, so memory holds the payload text only.
 */
export async function* documentBatches(
  records: AsyncIterable<ArticleInput> | Iterable<ArticleInput>,
  maxBytes = DEFAULT_BATCH_BYTES,
  counterpartsOf?: CounterpartTerms,
): AsyncGenerator<DocumentBatch> {
  let lines: string[] = [];
  let keys: string[] = [];
  let size = 0;
  for await (const record of records) {
    const document = toArticleDocument(record, counterpartsOf);
    const line = JSON.stringify(document);
    if (lines.length > 0 && size + line.length > maxBytes) {
      yield { payload: lines.join('\n'), keys };
      lines = [];
      keys = [];
      size = 0;
    }
    lines.push(line);
    keys.push(document.key);
    size += line.length;
  }
  if (lines.length > 0) yield { payload: lines.join('\n'), keys };
}
