import type { NextFunction, Request, Response } from 'express';

/** Windows are one minute long; a client may send `limit` requests per window. */
const WINDOW_MS = 60_000;
/** Clients tracked at once; beyond that the oldest window is dropped, so memory stays bounded. */
const MAX_CLIENTS = 100_000;

interface Window {
  started: number;
  count: number;
}

/**
 * Fixed-window rate limiting per client address: over the limit a request gets 429 with
 * Retry-After (seconds until the window ends). Health checks are never limited.
 */
export function createRateLimitMiddleware(limit: number, now: () => number = Date.now) {
  const windows = new Map<string, Window>();
  return (req: Request, res: Response, next: NextFunction): void => {
    if (limit <= 0 || req.path === '/health' || req.path === '/ready') {
      next();
      return;
    }
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
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
    res.status(429).json({
      error: { code: 'rate_limited', message: `Too many requests; retry after ${retryAfter} s` },
    });
  };
}
