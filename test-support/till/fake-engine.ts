import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** A stand-in engine on 127.0.0.1 for answers a real engine never gives. */
export interface FakeEngine {
  readonly url: string;
  /** Every request received, in order: method, path and headers. */
  readonly requests: { method: string; path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export type FakeAnswer =
  | { readonly status: number; readonly json: unknown }
  | { readonly status: number; readonly text: string }
  /** Never answer: the request is held until the server closes. */
  | 'hold';

export async function startFakeEngine(
  /** `body` is the request's JSON body, or undefined when it has none. */
  answer: (method: string, path: string, body: unknown) => FakeAnswer,
): Promise<FakeEngine> {
  const requests: FakeEngine['requests'] = [];
  const server: Server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push({ method, path, headers: request.headers });
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = answer(method, path, jsonOf(Buffer.concat(chunks).toString('utf8')));
      if (reply === 'hold') return;
      const text = 'json' in reply ? JSON.stringify(reply.json) : reply.text;
      response.writeHead(reply.status, { 'content-type': 'application/json' });
      response.end(text);
    });
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
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
