import type { NextFunction, Request, Response } from 'express';
import { apiErrorBody } from './api-error.schema.js';
import type { ApiKeyRing } from './api-key.js';

/** Windows are one minute long; a client may send `limit` requests per window. */
const WINDOW_MS = 60_000;
/** Clients tracked at once; beyond that the oldest window is dropped, so memory stays bounded. */
const MAX_CLIENTS = 100_000;

interface Window {
  started: number;
  count: number;
}

/** What the rate limit needs besides its limit. */
export interface RateLimitOptions {
  /** The service clients' keys: a request presenting one is counted against that key. */
  keys?: ApiKeyRing;
  /** The clock, in milliseconds (tests move it). */
  now?: () => number;
}

/**
 * The bucket a request is counted in: the API key it presents, when that key is valid, so that
 * services calling from one address each have their own budget; otherwise the client's address
 * (Express's `req.ip`, which follows X-Forwarded-For only as far as TRUST_PROXY allows). A wrong
 * key counts against the address, so inventing keys buys no budget. This runs before Nest, so
 * it checks the key itself rather than trusting the guard that runs later.
 */
function bucketOf(req: Request, keys: ApiKeyRing | undefined): string {
  return keys?.identify(req) ?? `address:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}

/**
 * Fixed-window rate limiting per API key or client address: over the limit a request gets 429
 * with Retry-After (seconds until the window ends). Health checks are never limited.
 */
export function createRateLimitMiddleware(limit: number, options: RateLimitOptions = {}) {
  const { keys, now = Date.now } = options;
  const windows = new Map<string, Window>();
  return (req: Request, res: Response, next: NextFunction): void => {
    if (limit <= 0 || req.path === '/health' || req.path === '/ready') {
      next();
      return;
    }
    const client = bucketOf(req, keys);
    const time = now();
    let window = windows.get(client);
    if (window === undefined || time - window.started >= WINDOW_MS) {
      windows.delete(client);
      if (windows.size >= MAX_CLIENTS) windows.delete(windows.keys().next().value ?? '');
      window = { started: time, count: 0 };
      windows.set(client, window);
    }
    window.count++;
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - window.count)));
    if (window.count <= limit) {
      next();
      return;
    }
    const retryAfter = Math.max(1, Math.ceil((window.started + WINDOW_MS - time) / 1000));
    res.setHeader('Retry-After', String(retryAfter));
    res.status(429).json(apiErrorBody(429, `Too many requests; retry after ${retryAfter} s`));
  };
}
