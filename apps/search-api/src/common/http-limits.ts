import { maxHeaderSize } from 'node:http';

/**
 * The longest request target (path and query) the API reads, in bytes: a longer URL gets 414.
 * 8 KB is what common proxies (nginx's default header buffers) pass on, far above a typed
 * search (the page sends at most 512 characters, 3 KB percent-encoded Cyrillic; pasted
 * passages go as POST bodies), and half of Node's limit on the whole request head, so a long
 * URL gets its own answer before Node's 431.
 */
export const MAX_URL_BYTES = 8 * 1024;

/** Node's limit on the request line and headers together (16 KB unless the flag changes it). */
export const MAX_HEADER_BYTES = maxHeaderSize;

/** A byte count as people read it: 8192 as "8 KB". */
export function kilobytes(bytes: number): string {
  return `${String(Math.round(bytes / 1024))} KB`;
}
