import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';

/** A stand-in engine on 127.0.0.1 for answers a real engine never gives. */
export interface FakeEngine {
  readonly url: string;
  /** Every request received, in order: method, path and headers. */
  readonly requests: { method: string; path: string; headers: IncomingHttpHeaders }[];
  /** Bytes of `endless` answers written so far (what the caller let through before hanging up). */
  endlessBytesSent(): number;
  close(): Promise<void>;
}

export type FakeAnswer =
  | { readonly status: number; readonly json: unknown }
  | {
      readonly status: number;
      readonly text: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** A 200 JSON answer that never ends, written as fast as the caller reads, up to 256 MB. */
  | 'endless'
  /** Never answer: the request is held until the server closes. */
  | 'hold';

export async function startFakeEngine(
  /** `body` is the request's JSON body, or undefined when it has none; `query` its query string. */
  answer: (method: string, path: string, body: unknown, query: URLSearchParams) => FakeAnswer,
): Promise<FakeEngine> {
  const requests: FakeEngine['requests'] = [];
  let endlessBytes = 0;
  const server: Server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    const [path = '/', search = ''] = (request.url ?? '/').split('?');
    requests.push({ method, path, headers: request.headers });
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = jsonOf(Buffer.concat(chunks).toString('utf8'));
      const reply = answer(method, path, body, new URLSearchParams(search));
      if (reply === 'hold') return;
      if (reply === 'endless') {
        writeEndlessly(response, (bytes) => (endlessBytes += bytes));
        return;
      }
      const text = 'json' in reply ? JSON.stringify(reply.json) : reply.text;
      const headers = 'headers' in reply ? reply.headers : {};
      response.writeHead(reply.status, { 'content-type': 'application/json', ...headers });
      response.end(text);
    });
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    endlessBytesSent: () => endlessBytes,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

const ENDLESS_CHUNK = Buffer.alloc(64 * 1024, 'x');
const ENDLESS_LIMIT = 256 * 1024 * 1024;

function writeEndlessly(response: ServerResponse, count: (bytes: number) => void): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{"results":"');
  let written = 0;
  const more = () => {
    while (written < ENDLESS_LIMIT && !response.destroyed) {
      written += ENDLESS_CHUNK.length;
      count(ENDLESS_CHUNK.length);
      if (!response.write(ENDLESS_CHUNK)) {
        response.once('drain', more);
        return;
      }
    }
    if (!response.destroyed) response.end('"}');
  };
  more();
}

function jsonOf(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return address.port;
}

/** A port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const ok = (results: unknown): FakeAnswer => ({
  status: 200,
  json: { result: { code: 1, status: 'ok' }, results },
});

export const refusal = (status: number, code: number, name: string): FakeAnswer => ({
  status,
  json: { result: { code: 2, status: 'error' }, error: { code, name, description: name } },
});

export const loginOk = (key = 'fake-session-key-0123456789'): FakeAnswer =>
  ok({
    session_info: {
      session_user_id: 7,
      session_key: key,
      session_expires_date: '2099-01-01 00:00:00',
    },
    user_info: { username: 'till', role: 'terminal' },
  });
