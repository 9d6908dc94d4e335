import { describe, expect, it } from 'vitest';
import { clientErrorOf, overflowStatus, rawErrorResponse } from './client-error.js';

const longUrl = `GET /api/v1/search?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`;
const bigHeader = `GET /api/v1/search?q=x HTTP/1.1\r\nHost: x\r\nCookie: ${'a=b; '.repeat(4000)}\r\n\r\n`;

describe('overflowStatus', () => {
  it('blames the URL when the chunk starts a request line that does not end', () => {
    expect(overflowStatus(Buffer.from(longUrl.slice(0, 16_500)))).toBe(414);
  });

  it('blames the URL when the request line is over 8 KB, even with large headers too', () => {
    const head = `GET /${'a'.repeat(9000)} HTTP/1.1\r\nX-Big: ${'b '.repeat(5000)}\r\n`;
    expect(overflowStatus(Buffer.from(head))).toBe(414);
  });

  it('blames the headers when the request line is short', () => {
    expect(overflowStatus(Buffer.from(bigHeader))).toBe(431);
  });

  it('reads a chunk that starts inside a request line by the version that ends it', () => {
    expect(overflowStatus(Buffer.from(longUrl.slice(5000)))).toBe(414);
  });

  it('answers 431 for a chunk inside the headers, or one it cannot place', () => {
    expect(overflowStatus(Buffer.from(bigHeader.slice(5000)))).toBe(431);
    expect(overflowStatus(Buffer.from('a'.repeat(10_000)))).toBe(431);
  });
});

describe('clientErrorOf and rawErrorResponse', () => {
  it('answers a header overflow without its packet with 431', () => {
    expect(clientErrorOf({ name: 'Error', message: '', code: 'HPE_HEADER_OVERFLOW' })).toEqual({
      status: 431,
      message: 'The request head is larger than 16 KB',
    });
  });

  it('answers other parser errors with 400', () => {
    expect(clientErrorOf({ name: 'Error', message: '', code: 'HPE_INVALID_METHOD' }).status).toBe(
      400,
    );
  });

  it('writes a whole HTTP response with the API error body', () => {
    const text = rawErrorResponse(414, 'The URL is longer than 8 KB').toString();
    const body = JSON.stringify({
      error: { code: 'url_too_long', message: 'The URL is longer than 8 KB' },
    });
    expect(text).toBe(
      'HTTP/1.1 414 URI Too Long\r\nContent-Type: application/json; charset=utf-8\r\n' +
        `Connection: close\r\nContent-Length: ${String(body.length)}\r\n\r\n${body}`,
    );
  });
});
