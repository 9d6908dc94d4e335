import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
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

/**
 * Hands the fixed request to the same server as a new connection over the client's own socket
 * (a Duplex that reads the fixed bytes and writes to the socket), so the request keeps the
 * client's address: a replay over loopback TCP would come from 127.0.0.1, which TRUST_PROXY
 * may trust, letting the client choose its address (and rate budget) by X-Forwarded-For.
 */
function replay(server: Server, request: Buffer, socket: Socket): void {
  const connection = new Duplex({
    read() {
      // The one request was pushed whole; the connection is closed after its answer.
    },
    write(chunk: Buffer, _encoding, done) {
      socket.write(chunk, done);
    },
    final(done) {
      socket.end();
      done();
    },
  });
  Object.defineProperties(connection, {
    remoteAddress: { value: socket.remoteAddress },
    remotePort: { value: socket.remotePort },
    remoteFamily: { value: socket.remoteFamily },
    encrypted: { value: false },
  });
  socket.on('error', () => connection.destroy());
  socket.on('close', () => connection.destroy());
  connection.push(request);
  server.emit('connection', connection);
}

/**
 * Node's HTTP parser rejects raw UTF-8 in a URL (`curl 'http://…/search?q=Путин'` sends it so),
 * while browsers percent-encode. Such a GET is handed once more to this same server with its
 * request line percent-encoded, on the same socket; every other request the parser rejects gets the API's JSON
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
