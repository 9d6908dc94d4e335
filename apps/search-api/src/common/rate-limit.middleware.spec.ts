import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { ApiKeyRing } from './api-key.js';
import { createRateLimitMiddleware } from './rate-limit.middleware.js';

/** Runs one request through the middleware; returns its status (200 when it was let through). */
function send(
  middleware: ReturnType<typeof createRateLimitMiddleware>,
  request: { ip: string; headers?: Record<string, string> },
): number {
  let status = 200;
  const response = {
    setHeader: () => response,
    status: (code: number) => {
      status = code;
      return response;
    },
    json: () => response,
  };
  const next: NextFunction = () => undefined;
  middleware(
    { path: '/api/v1/search', headers: {}, ...request } as unknown as Request,
    response as unknown as Response,
    next,
  );
  return status;
}

describe('createRateLimitMiddleware', () => {
  const keys = new ApiKeyRing(['indexer-key', 'portal-key']);

  it('counts each valid key in a budget of its own, whatever the address', () => {
    const limit = createRateLimitMiddleware(2, { keys });
    const indexer = { ip: '10.0.0.5', headers: { 'x-api-key': 'indexer-key' } };
    const portal = { ip: '10.0.0.5', headers: { authorization: 'Bearer portal-key' } };
    expect([send(limit, indexer), send(limit, indexer), send(limit, indexer)]).toEqual([
      200, 200, 429,
    ]);
    expect(send(limit, portal)).toBe(200);
    expect(send(limit, { ip: '10.0.0.5' })).toBe(200);
    expect(send(limit, { ...indexer, ip: '10.0.0.6' })).toBe(429);
  });

  it('counts a wrong key against the address', () => {
    const limit = createRateLimitMiddleware(2, { keys });
    const address = { ip: '10.0.0.5' };
    expect([send(limit, address), send(limit, address)]).toEqual([200, 200]);
    expect(send(limit, { ...address, headers: { 'x-api-key': 'made-up' } })).toBe(429);
    expect(send(limit, { ...address, headers: { 'x-api-key': 'indexer-key' } })).toBe(200);
  });

  it('opens a new window after a minute', () => {
    let time = 0;
    const limit = createRateLimitMiddleware(1, { now: () => time });
    expect([send(limit, { ip: '10.0.0.5' }), send(limit, { ip: '10.0.0.5' })]).toEqual([200, 429]);
    time = 60_000;
    expect(send(limit, { ip: '10.0.0.5' })).toBe(200);
  });
});
