import type { Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { answerClientError, type ParserError } from './client-error.js';

const HEAD_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

/** Percent-encodes the non-ASCII bytes of the request line and forces Connection: close. */
export function encodeRequestLine(raw: Buffer): Buffer | null {
  const headEnd = raw.indexOf(HEAD_END);
  const lineEnd = raw.indexOf(CRLF);
  if (headEnd < 0 || lineEnd < 0) return null;
  const line = raw.subarray(0, lineEnd).toString('latin1');
  if (!/^(GET|HEAD) /.test(line)) return null;
  const encoded = line.replace(
    /[\u0080-\u00ff]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const headers = raw
    .subarray(lineEnd + 2, headEnd)
    .toString('latin1')
    .split('\r\n')
    .filter((header) => header.length > 0 && !/^connection\s*:/i.test(header));
  return Buffer.from(
    `${encoded}\r\n${[...headers, 'Connection: close'].join('\r\n')}\r\n\r\n`,
    'latin1',
  );
}

function replay(server: Server, request: Buffer, socket: Socket): void {
  const { port } = server.address() as AddressInfo;
  const upstream = connect(port, '127.0.0.1', () => upstream.write(request));
  upstream.on('error', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
  upstream.pipe(socket);
}

/**
 * Node's HTTP parser rejects raw UTF-8 in a URL (`curl 'http://…/search?q=Путин'` sends it so),
 * while browsers percent-encode. Such a GET is replayed once to this same server with its
 * request line percent-encoded; every other request the parser rejects gets the API's JSON
 * error (414 and 431 for a head over its limits, otherwise 400).
 */
export function acceptRawUtf8Urls(server: Server): void {
  server.on('clientError', (error: ParserError, socket: Socket) => {
    const fixed =
      error.code === 'HPE_INVALID_URL' && error.rawPacket !== undefined
        ? encodeRequestLine(error.rawPacket)
        : null;
    if (fixed !== null && socket.writable) {
      replay(server, fixed, socket);
      return;
    }
    answerClientError(error, socket);
  });
}
