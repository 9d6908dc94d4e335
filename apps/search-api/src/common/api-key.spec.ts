import { describe, expect, it } from 'vitest';
import { ApiKeyRing } from './api-key.js';

const ring = new ApiKeyRing(['indexer-key', 'portal-key']);
const withHeaders = (headers: Record<string, string>) => ({ headers });

describe('ApiKeyRing', () => {
  it('tells which configured key a request presents, by position only', () => {
    expect(ring.identify(withHeaders({ 'x-api-key': 'indexer-key' }))).toBe('api-key:0');
    expect(ring.identify(withHeaders({ authorization: 'Bearer portal-key' }))).toBe('api-key:1');
    expect(ring.identify(withHeaders({ authorization: 'bearer  portal-key' }))).toBe('api-key:1');
  });

  it('knows no identity for a missing, wrong, partial or longer key', () => {
    const requests: Array<Record<string, string>> = [
      {},
      { 'x-api-key': 'wrong' },
      { 'x-api-key': 'indexer' },
      { 'x-api-key': 'indexer-key2' },
      { 'x-api-key': '' },
      { authorization: 'portal-key' },
      { authorization: 'Basic portal-key' },
      { authorization: 'Bearer portal-key extra' },
    ];
    for (const headers of requests) expect(ring.identify(withHeaders(headers))).toBeNull();
  });

  it('reads X-API-Key before Authorization', () => {
    expect(
      ring.identify(withHeaders({ 'x-api-key': 'wrong', authorization: 'Bearer portal-key' })),
    ).toBeNull();
  });

  it('requires keys only when some are configured', () => {
    expect(ring.required).toBe(true);
    const open = new ApiKeyRing([]);
    expect(open.required).toBe(false);
    expect(open.identify(withHeaders({ 'x-api-key': '' }))).toBeNull();
  });
});
