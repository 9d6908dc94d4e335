import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestFile, type ArticleRecord } from '@lib/ingest';

/** The corpus files (JSON Lines, gzipped) in a stable order. */
export async function corpusFiles(dir: string): Promise<string[]> {
  return (await readdir(dir))
    .filter((name) => /\.jsonl(\.gz)?$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Streams the corpus records, at most `limit` of them, spread over every file. */
export async function* corpusRecords(dir: string, limit = Infinity): AsyncGenerator<ArticleRecord> {
  const files = await corpusFiles(dir);
  const perFile = Number.isFinite(limit) ? Math.ceil(limit / files.length) : Infinity;
  for (const file of files) {
    let taken = 0;
    for await (const event of ingestFile(file)) {
      if (event.kind !== 'record') continue;
      yield event.record;
      if (++taken >= perFile) break;
    }
  }
}
