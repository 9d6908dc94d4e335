import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { ingestFile } from '@lib/ingest';
import { corpusFiles } from '../corpus.js';
import { peakRssMb } from '../process-memory.js';
import { round } from '../stats.js';

/** Ingest throughput through the JSON Lines path. */
export interface IngestResult {
  files: number;
  records: number;
  failed: number;
  megabytes: number;
  seconds: number;
  mbPerSecond: number;
  peakRssMb: number;
}

async function decompressedBytes(file: string): Promise<number> {
  let total = 0;
  const stream = file.endsWith('.gz')
    ? createReadStream(file).pipe(createGunzip())
    : createReadStream(file);
  for await (const chunk of stream) total += (chunk as Buffer).length;
  return total;
}

/** Reads every corpus file into records (decompression and JSON parsing included). */
export async function measureIngest(options: { corpus: string }): Promise<IngestResult> {
  const files = await corpusFiles(options.corpus);
  let bytes = 0;
  for (const file of files) bytes += await decompressedBytes(file);
  let records = 0;
  let failed = 0;
  const started = performance.now();
  for (const file of files) {
    for await (const event of ingestFile(file)) {
      if (event.kind === 'record') records++;
      else if (event.kind === 'failed') failed++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const megabytes = bytes / 1024 / 1024;
  return {
    files: files.length,
    records,
    failed,
    megabytes: round(megabytes, 1),
    seconds: round(seconds, 2),
    mbPerSecond: round(megabytes / seconds, 1),
    peakRssMb: round(peakRssMb(process.pid) ?? 0, 0),
  };
}
