import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

function matches(given: string, keys: Buffer[]): boolean {
  const candidate = Buffer.from(given);
  return keys.some((key) => key.length === candidate.length && timingSafeEqual(key, candidate));
}

/**
 * When API keys are configured, every /api/ request must carry one in `X-API-Key` (or as a
 * Bearer token); otherwise 401. The web page, document pages and health checks stay open.
 */
export function createApiKeyMiddleware(apiKeys: string[]) {
  const keys = apiKeys.map((key) => Buffer.from(key));
  return (req: Request, res: Response, next: NextFunction): void => {
    if (keys.length === 0 || !req.path.startsWith('/api/v1/')) {
      next();
      return;
    }
    const header =
      req.header('x-api-key') ?? req.header('authorization')?.replace(/^Bearer\s+/i, '');
    if (header !== undefined && matches(header, keys)) {
      next();
      return;
    }
    res.status(401).json({
      error: { code: 'unauthorized', message: 'A valid API key is required (X-API-Key header)' },
    });
  };
}
