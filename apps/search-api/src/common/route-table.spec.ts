import { describe, expect, it } from 'vitest';
import { RouteTable } from './route-table.js';

const table = RouteTable.from(
  new Map([
    ['/api/v1/search', new Set(['GET'])],
    ['/api/v1/documents/:id', new Set(['GET'])],
    ['/things/:id', new Set(['PUT', 'DELETE'])],
    ['/files/*path', new Set(['GET'])],
  ]),
);

describe('RouteTable', () => {
  it('lists the methods of the path, HEAD wherever GET', () => {
    expect(table.allowedMethods('/api/v1/search')).toEqual(['GET', 'HEAD']);
    expect(table.allowedMethods('/things/7')).toEqual(['DELETE', 'PUT']);
  });

  it('matches as Express does: any case, an optional trailing slash, one segment a parameter', () => {
    expect(table.allowedMethods('/API/V1/Documents/rt-1067/')).toEqual(['GET', 'HEAD']);
    expect(table.allowedMethods('/api/v1/documents/')).toEqual([]);
    expect(table.allowedMethods('/api/v1/documents/a/b')).toEqual([]);
  });

  it('knows nothing of unknown paths, nor of wildcard routes it cannot match exactly', () => {
    expect(table.allowedMethods('/api/v1/nothing')).toEqual([]);
    expect(table.allowedMethods('/files/a/b')).toEqual([]);
  });
});
