import { connect, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** A response read off the wire: status, headers (lower-case names) and body. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function parse(raw: string): RawResponse {
  const headEnd = raw.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = raw
    .slice(0, headEnd < 0 ? raw.length : headEnd)
    .split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0),
    headers,
    body: headEnd < 0 ? '' : raw.slice(headEnd + 4),
  };
}

/**
 * Sends a request as raw bytes, in the given pieces with a pause between them (as a slow
 * network splits a request), and reads the response until the server closes the connection.
 * For what supertest cannot send: raw UTF-8, heads past Node's limits.
 */
export async function sendRaw(
  server: Server,
  pieces: Array<string | Buffer>,
  pauseMs = 50,
  /** The loopback address the request comes from (127.0.0.2 is a client other than 127.0.0.1). */
  localAddress = '127.0.0.1',
): Promise<RawResponse> {
  const { port } = server.address() as AddressInfo;
  return new Promise<RawResponse>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ port, host: '127.0.0.1', localAddress }, () => {
      void (async () => {
        for (const [i, piece] of pieces.entries()) {
          if (i > 0) await new Promise((wait) => setTimeout(wait, pauseMs));
          if (!socket.writable) return;
          socket.write(piece);
        }
      })();
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error('no response within 10 s')));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
    });
    const answered = () => {
      resolve(parse(Buffer.concat(chunks).toString('utf8')));
    };
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close while later pieces are still being written.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') answered();
      else reject(error);
    });
    socket.on('close', answered);
  });
}
