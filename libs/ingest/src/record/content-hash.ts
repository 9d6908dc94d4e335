import { createHash } from 'node:crypto';

/** SHA-256 of the body with Unicode, case and white space normalized: equal for exact duplicates. */
export function contentHash(body: string): string {
  const normalized = body.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalized).digest('hex');
}

/** A short stable hash of any string, for ids. */
export function shortHash(value: string, length = 16): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}
