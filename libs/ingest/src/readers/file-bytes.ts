import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputTooLargeError } from '../record/ingest.error.js';

/** A readable stream of a file's bytes, decompressed when the file is gzip. */
export function openFile(path: string, gzip: boolean): Readable {
  const raw = createReadStream(path);
  if (!gzip) return raw;
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

/** Reads a whole (decompressed) file, refusing more than `maxBytes`. */
export async function readWhole(
  path: string,
  options: { gzip: boolean; maxBytes: number },
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = openFile(path, options.gzip);
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > options.maxBytes) {
        throw new InputTooLargeError(
          `file is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB; split it or use JSON Lines`,
        );
      }
      chunks.push(buffer);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks);
}
