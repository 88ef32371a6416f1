import { startTcpFaultProxy } from '../engine/tcp-fault-proxy';

/**
 * A real TCP gate between a till and the engine, to take the network away without mocking
 * anything: `open` passes bytes through, `closed` drops every connection (the till sees it
 * refused or reset), `silent` accepts connections and never answers (the till times out).
 * It counts the HTTP requests it sees, by path, in every mode. A TCP fault proxy underneath,
 * with the three modes a till test needs.
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
  const proxy = await startTcpFaultProxy(target.hostname, Number(target.port), {
    observe: (chunk) => {
      for (const match of chunk.toString('latin1').matchAll(REQUEST_LINE)) {
        const path = (match[1] ?? '/').split('?')[0] ?? '/';
        counts.set(path, (counts.get(path) ?? 0) + 1);
      }
    },
  });
  const switchTo = (next: Mode) => {
    proxy.setMode(next === 'open' ? 'pass' : next === 'closed' ? 'refuse' : 'blackHole');
    // taking the network away cuts what is under way; opening it again leaves live calls be
    if (next !== 'open') proxy.cutAll();
  };
  switchTo(mode);
  return {
    url: `http://127.0.0.1:${proxy.port}`,
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
    stop: () => proxy.stop(),
  };
}
