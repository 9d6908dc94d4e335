import type { NextFunction, Request, Response } from 'express';
import { apiErrorBody } from './api-error.schema.js';
import { kilobytes, MAX_URL_BYTES } from './http-limits.js';

/**
 * Answers 414 to a URL over MAX_URL_BYTES before any other work. Node's parser only limits the
 * whole head (16 KB), so a URL between the two would otherwise be read, parsed and routed.
 * The URL Node hands over is ASCII (raw UTF-8 arrives percent-encoded), so its length is its
 * size in bytes.
 */
export function urlLengthMiddleware(req: Request, res: Response, next: NextFunction): void {
  if (req.originalUrl.length <= MAX_URL_BYTES) {
    next();
    return;
  }
  res.status(414).json(apiErrorBody(414, `The URL is longer than ${kilobytes(MAX_URL_BYTES)}`));
}
