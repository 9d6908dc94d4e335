import { isAscii, transcode } from 'node:buffer';

/**
 * Decodes UTF-8 bytes as Buffer#toString does, several times faster for Cyrillic text: V8
 * decodes non-ASCII UTF-8 at about 190 MB/s here, ICU transcodes it to UTF-16 at about 1 GB/s
 * (a 73 KB search response with Russian bodies: 0.39 ms against 0.10 ms). ASCII is copied as
 * it is. Invalid sequences become U+FFFD either way.
 */
export function decodeUtf8(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString('latin1');
  try {
    return transcode(bytes, 'utf8', 'ucs2').toString('ucs2');
  } catch {
    // A Node.js built without ICU has no transcode.
    return bytes.toString('utf8');
  }
}
