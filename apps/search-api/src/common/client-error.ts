import type { Socket } from 'node:net';
import { apiErrorBody, type ApiErrorStatus } from './api-error.schema.js';
import { kilobytes, MAX_HEADER_BYTES, MAX_URL_BYTES } from './http-limits.js';

/** A request Node's HTTP parser rejected, as its 'clientError' event hands it over. */
export type ParserError = NodeJS.ErrnoException & { rawPacket?: Buffer };

const REASONS: Partial<Record<ApiErrorStatus, string>> = {
  400: 'Bad Request',
  414: 'URI Too Long',
  431: 'Request Header Fields Too Large',
};

const REQUEST_LINE_START = /^[A-Z]+ /;
const VERSION_END = / HTTP\/\d\.\d$/;

/**
 * Whether a head that passed Node's limit did so in its request line (414) or in its headers
 * (431). Node hands over only the chunk it was reading when the limit was passed, so this reads
 * what that chunk shows: a request line at its start that never ends or is over MAX_URL_BYTES,
 * or a first line that closes a request line (` HTTP/1.1`) when the chunk starts inside it.
 * Anything else is 431, Node's own answer for a head over its limit.
 */
export function overflowStatus(chunk: Buffer): 414 | 431 {
  const text = chunk.toString('latin1');
  const lineEnd = text.indexOf('\r\n');
  const firstLine = lineEnd < 0 ? text : text.slice(0, lineEnd);
  if (REQUEST_LINE_START.test(text)) {
    return lineEnd < 0 || Buffer.byteLength(firstLine, 'latin1') > MAX_URL_BYTES ? 414 : 431;
  }
  if (lineEnd < 0 || !VERSION_END.test(firstLine)) return 431;
  // The rest of a request line is a target without spaces, then the version.
  return /\s/.test(firstLine.replace(VERSION_END, '')) ? 431 : 414;
}

/** The status and message for a request the parser rejected. */
export function clientErrorOf(error: ParserError): { status: 400 | 414 | 431; message: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const status = error.rawPacket === undefined ? 431 : overflowStatus(error.rawPacket);
    return status === 414
      ? { status, message: `The URL is longer than ${kilobytes(MAX_URL_BYTES)}` }
      : { status, message: `The request head is larger than ${kilobytes(MAX_HEADER_BYTES)}` };
  }
  return { status: 400, message: 'Malformed HTTP request' };
}

/** A whole HTTP/1.1 response with the API's JSON error body; the connection closes after it. */
export function rawErrorResponse(status: 400 | 414 | 431, message: string): Buffer {
  const body = JSON.stringify(apiErrorBody(status, message));
  return Buffer.from(
    `HTTP/1.1 ${String(status)} ${REASONS[status] ?? ''}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n' +
      `Content-Length: ${String(Buffer.byteLength(body))}\r\n\r\n${body}`,
  );
}

/**
 * Answers a request the parser rejected with the API's JSON error, as the app answers its own
 * errors, instead of Node's bare status line.
 */
export function answerClientError(error: ParserError, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const { status, message } = clientErrorOf(error);
  socket.end(rawErrorResponse(status, message));
}
