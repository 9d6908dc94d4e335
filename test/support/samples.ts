import { fileURLToPath } from 'node:url';
import { ingestFile, expandPaths, type ArticleRecord } from '@lib/ingest';

/** The sample corpus shipped in indexing/samples. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../indexing/samples', import.meta.url));
/** The index settings file. */
export const SETTINGS_PATH = fileURLToPath(
  new URL('../../indexing/settings/articles.json', import.meta.url),
);

/** Reads every record of the given paths (failing the test on any ingest error). */
export async function readRecords(paths: string[]): Promise<ArticleRecord[]> {
  const { files } = await expandPaths(paths);
  const records: ArticleRecord[] = [];
  for (const file of files) {
    for await (const event of ingestFile(file)) {
      if (event.kind === 'failed') throw new Error(`${event.origin.file}: ${event.message}`);
      if (event.kind === 'record') records.push(event.record);
    }
  }
  return records;
}

/** A record made in a test. */
export function article(
  fields: Partial<ArticleRecord> & Pick<ArticleRecord, 'id' | 'title' | 'body'>,
): ArticleRecord {
  return {
    lang: 'en',
    source: 'test.example',
    url: null,
    published_at: null,
    tags: [],
    summary: null,
    content_hash: fields.id,
    ...fields,
  };
}
