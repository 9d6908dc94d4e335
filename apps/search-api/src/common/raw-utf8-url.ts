import type { Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

const HEAD_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');
const BAD_REQUEST_BODY = JSON.stringify({
  error: { code: 'bad_request', message: 'Malformed HTTP request' },
});
const BAD_REQUEST = Buffer.from(
  'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nConnection: close\r\n' +
    `Content-Length: ${Buffer.byteLength(BAD_REQUEST_BODY)}\r\n\r\n${BAD_REQUEST_BODY}`,
);

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
 * request line percent-encoded; every other malformed request gets a JSON 400.
 */
export function acceptRawUtf8Urls(server: Server): void {
  server.on(
    'clientError',
    (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
      const fixed =
        error.code === 'HPE_INVALID_URL' && error.rawPacket !== undefined
          ? encodeRequestLine(error.rawPacket)
          : null;
      if (fixed !== null && socket.writable) {
        replay(server, fixed, socket);
        return;
      }
      if (socket.writable) socket.end(BAD_REQUEST);
      else socket.destroy();
    },
  );
}
