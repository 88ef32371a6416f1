import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A real TCP gate between a till and the engine, to take the network away without mocking
 * anything: `open` passes bytes through, `closed` drops every connection (the till sees it
 * refused or reset), `silent` accepts connections and never answers (the till times out).
 * It counts the HTTP requests it sees, by path, in every mode.
 */
export interface EngineGate {
  readonly url: string;
  open(): void;
  close(): void;
  silence(): void;
  /** Requests seen to `path` (the query left off). */
  requests(path: string): number;
  /** Requests seen to every path but the given ones. */
  requestsExcept(paths: readonly string[]): number;
  stop(): Promise<void>;
}

type Mode = 'open' | 'closed' | 'silent';
const REQUEST_LINE = /^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) (\S+) HTTP\/1\.[01]\r$/gm;

export async function startEngineGate(engineUrl: string, mode: Mode = 'open'): Promise<EngineGate> {
  const target = new URL(engineUrl);
  const counts = new Map<string, number>();
  const live = new Set<Socket>();
  let current: Mode = mode;

  const track = (socket: Socket) => {
    live.add(socket);
    socket.on('close', () => live.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server: Server = createServer((socket) => {
    track(socket);
    if (current === 'closed') {
      socket.destroy();
      return;
    }
    socket.on('data', (chunk: Buffer) => {
      for (const match of chunk.toString('latin1').matchAll(REQUEST_LINE)) {
        const path = (match[1] ?? '/').split('?')[0] ?? '/';
        counts.set(path, (counts.get(path) ?? 0) + 1);
      }
    });
    if (current === 'silent') return;
    const upstream = connect(Number(target.port), target.hostname);
    track(upstream);
    upstream.on('close', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the gate has no port');
  const { port } = address;
  const switchTo = (next: Mode) => {
    current = next;
    // taking the network away cuts what is under way; opening it again leaves live calls be
    if (next !== 'open') for (const socket of live) socket.destroy();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    open: () => {
      switchTo('open');
    },
    close: () => {
      switchTo('closed');
    },
    silence: () => {
      switchTo('silent');
    },
    requests: (path) => counts.get(path) ?? 0,
    requestsExcept: (paths) =>
      [...counts].filter(([path]) => !paths.includes(path)).reduce((sum, [, n]) => sum + n, 0),
    stop: () =>
      new Promise<void>((resolve) => {
        switchTo('closed');
        server.close(() => {
          resolve();
        });
      }),
  };
}
