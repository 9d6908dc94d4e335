import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A request as far as its API key is concerned (an Express request or a plain Node one). */
export interface KeyedRequest {
  headers: IncomingHttpHeaders;
}

/**
 * A Bearer token: one run of non-space characters. Node has already trimmed the header value,
 * and the two disjoint character classes keep the match linear however long the header is.
 */
const BEARER = /^Bearer +([^ ]+)$/i;

/** Keys are compared as SHA-256 digests: equal lengths, so the comparison's time says nothing. */
function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** The key a request presents: `X-API-Key`, else an `Authorization: Bearer` token. */
function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['x-api-key'];
  if (header !== undefined) return typeof header === 'string' ? header : undefined;
  return BEARER.exec(headers.authorization ?? '')?.[1];
}

/**
 * The API keys of the service clients (API_KEYS). Tells whether a request presents one of them
 * and which: the rate limit gives each key a budget of its own, so the services behind one
 * address are not throttled as one reader.
 */
export class ApiKeyRing {
  private readonly digests: readonly Buffer[];

  constructor(keys: readonly string[]) {
    this.digests = keys.map(digest);
  }

  /** Whether any key is configured; without one every route is open. */
  get required(): boolean {
    return this.digests.length > 0;
  }

  /**
   * The identity of the configured key the request presents (its position in API_KEYS, never
   * the key itself), or null when it presents none or a wrong one. Every key is compared in
   * constant time, so the answer's timing tells neither a key's bytes nor which key matched.
   */
  identify(request: KeyedRequest): string | null {
    const presented = presentedKey(request.headers);
    if (presented === undefined || !this.required) return null;
    const candidate = digest(presented);
    let matched = -1;
    this.digests.forEach((key, index) => {
      if (timingSafeEqual(key, candidate) && matched < 0) matched = index;
    });
    return matched < 0 ? null : `api-key:${String(matched)}`;
  }
}
