import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A real TCP proxy on loopback that a test turns faulty at run time, for any protocol (the
 * engine's PostgreSQL connections, or a till's HTTP to the engine):
 * - `pass`: bytes go both ways (after `delayMs`, when set);
 * - `pause`: connections stay open, bytes are held and flow again on `pass`;
 * - `blackHole`: new connections are accepted and read, and never reach the target nor get an
 *   answer; open connections go silent as a dead network makes them (their bytes wait, as TCP
 *   would retransmit them). Back on `pass`, the bytes that waited flow, and the connections
 *   born in the hole are reset (the target never knew them);
 * - `refuse`: a new connection is closed as soon as it is accepted.
 * `cutAll()` destroys both sides of every open connection, whatever the mode.
 */
export type TcpFaultMode = 'pass' | 'pause' | 'blackHole' | 'refuse';

export interface TcpFaultProxy {
  readonly host: string;
  readonly port: number;
  /** `target` with this proxy's host and port in its place (a database URL, an engine URL). */
  via(target: string): string;
  mode(): TcpFaultMode;
  setMode(mode: TcpFaultMode): void;
  /** Every chunk waits this long before it is passed on, both ways (0: none). */
  setDelay(ms: number): void;
  /** Destroys every open connection on both sides; returns how many there were. */
  cutAll(): number;
  readonly counts: {
    /** Connections accepted since the start (refused ones included). */
    readonly accepted: number;
    /** Connections closed at once because the mode was `refuse`. */
    readonly refused: number;
    /** Connections destroyed by `cutAll()`. */
    readonly cut: number;
    /** Connections open now. */
    readonly open: number;
  };
  stop(): Promise<void>;
}

interface Pair {
  readonly client: Socket;
  upstream: Socket | null;
  /** Chunks held while paused, in order, with the side they go to. */
  readonly held: { to: 'client' | 'upstream'; chunk: Buffer }[];
}

export interface TcpFaultProxyOptions {
  /** Sees every chunk a client sends, in every mode (to count requests, say). */
  readonly observe?: (chunk: Buffer) => void;
}

export async function startTcpFaultProxy(
  targetHost: string,
  targetPort: number,
  options: TcpFaultProxyOptions = {},
): Promise<TcpFaultProxy> {
  let current: TcpFaultMode = 'pass';
  let delayMs = 0;
  const pairs = new Set<Pair>();
  const counts = { accepted: 0, refused: 0, cut: 0 };

  const send = (pair: Pair, to: 'client' | 'upstream', chunk: Buffer) => {
    const write = () => {
      const socket = to === 'client' ? pair.client : pair.upstream;
      if (socket && !socket.destroyed) socket.write(chunk);
    };
    if (delayMs > 0) setTimeout(write, delayMs);
    else write();
  };
  const route = (pair: Pair, to: 'client' | 'upstream', chunk: Buffer) => {
    if (pair.upstream === null) return;
    if (current === 'pass') send(pair, to, chunk);
    else pair.held.push({ to, chunk });
  };
  const release = (pair: Pair) => {
    for (const { to, chunk } of pair.held.splice(0)) send(pair, to, chunk);
  };
  const end = (pair: Pair) => {
    if (!pairs.delete(pair)) return;
    pair.client.destroy();
    pair.upstream?.destroy();
  };

  const server: Server = createServer((client) => {
    counts.accepted += 1;
    client.on('error', () => client.destroy());
    if (current === 'refuse') {
      counts.refused += 1;
      client.destroy();
      return;
    }
    const pair: Pair = { client, upstream: null, held: [] };
    pairs.add(pair);
    client.on('close', () => {
      end(pair);
    });
    client.on('data', (chunk: Buffer) => {
      options.observe?.(chunk);
      route(pair, 'upstream', chunk);
    });
    // a black-holed connection never reaches the target: the caller waits for a server that is not there
    if (current === 'blackHole') return;
    const upstream = connect(targetPort, targetHost);
    pair.upstream = upstream;
    upstream.on('error', () => upstream.destroy());
    upstream.on('close', () => {
      end(pair);
    });
    upstream.on('data', (chunk: Buffer) => {
      route(pair, 'client', chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  const { port } = address;

  return {
    host: '127.0.0.1',
    port,
    via: (target) => {
      const url = new URL(target);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    mode: () => current,
    setMode: (mode) => {
      current = mode;
      if (mode !== 'pass') return;
      for (const pair of [...pairs]) {
        if (pair.upstream === null) end(pair);
        else release(pair);
      }
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    cutAll: () => {
      const open = [...pairs];
      for (const pair of open) end(pair);
      counts.cut += open.length;
      return open.length;
    },
    counts: {
      get accepted() {
        return counts.accepted;
      },
      get refused() {
        return counts.refused;
      },
      get cut() {
        return counts.cut;
      },
      get open() {
        return pairs.size;
      },
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const pair of [...pairs]) end(pair);
        server.close(() => {
          resolve();
        });
      }),
  };
}
