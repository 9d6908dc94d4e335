import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputTooLargeError } from '../record/ingest.error.js';

/** How to open a file. */
export interface OpenOptions {
  gzip: boolean;
  /** Told the size of every chunk read from disk (before decompression), for progress. */
  onBytesRead?: (bytes: number) => void;
}

function counting(onBytesRead: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytesRead(chunk.length);
      done(null, chunk);
    },
  });
}

/** Pipes `from` into `to`, passing errors along so the consumer sees them. */
function chain(from: Readable, to: Transform): Transform {
  from.on('error', (error) => to.destroy(error));
  return from.pipe(to);
}

/** A readable stream of a file's bytes, decompressed when the file is gzip. */
export function openFile(path: string, options: OpenOptions): Readable {
  const raw = createReadStream(path);
  const counted =
    options.onBytesRead === undefined ? raw : chain(raw, counting(options.onBytesRead));
  return options.gzip ? chain(counted, createGunzip()) : counted;
}

/** Reads a whole (decompressed) file, refusing more than `maxBytes`. */
export async function readWhole(
  path: string,
  options: OpenOptions & { maxBytes: number },
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = openFile(path, options);
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
