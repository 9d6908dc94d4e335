import {
  toArticleDocument,
  type ArticleDocument,
  type ArticleInput,
} from '../documents/article-document.js';

/** Default payload size of one batch sent to Meilisearch. */
export const DEFAULT_BATCH_BYTES = 8 * 1024 * 1024;

/** Groups analyzed documents into batches of about `maxBytes` of JSON. */
export async function* documentBatches(
  records: AsyncIterable<ArticleInput> | Iterable<ArticleInput>,
  maxBytes = DEFAULT_BATCH_BYTES,
): AsyncGenerator<ArticleDocument[]> {
  let batch: ArticleDocument[] = [];
  let bytes = 0;
  for await (const record of records) {
    const document = toArticleDocument(record);
    const size = Buffer.byteLength(JSON.stringify(document));
    if (batch.length > 0 && bytes + size > maxBytes) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(document);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}
