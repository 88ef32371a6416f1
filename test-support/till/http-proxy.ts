import { createServer, request as forward, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy answers instead of the engine, to every call while it is set: a load
 * balancer's HTML 502 or the engine's 500 envelope (nothing forwarded), JSON cut short or an ok
 * envelope of the wrong shape (forwarded: the engine did the work), a redirect to another
 * address (nothing forwarded), or no answer at all (a black hole).
 */
export type ProxyFault =
  | 'html-502'
  | 'status-500'
  | 'malformed-json'
  | 'wrong-shape'
  | 'black-hole'
  | { readonly redirectTo: string };

/**
 * A real HTTP proxy on loopback (between a till and the engine, or a client and a till): it
 * counts the calls by path, can hold answers back, can lose the answer to one call (the
 * server did the work, the caller never hears), and can answer badly in the engine's place.
 */
export interface HttpProxy {
  readonly url: string;
  calls(path: string): number;
  /** Calls to `path` whose whole request has been passed on. */
  forwarded(path: string): number;
  /** Answers to `path` wait until `releaseHeld()`. */
  holdAnswersTo(path: string): void;
  /** Answers to `path` are passed on `ms` later (an engine that is slow but there). */
  delayAnswersTo(path: string, ms: number): void;
  /** How many answers are being held now. */
  held(): number;
  releaseHeld(): void;
  /** The next call to `path` reaches the engine, but its answer is cut off. */
  loseNextAnswerTo(path: string): void;
  /** Every call from now on gets this answer instead of the engine's (see {@link ProxyFault}); null: none. */
  answerBadly(fault: ProxyFault | null): void;
  stop(): Promise<void>;
}

export async function startHttpProxy(targetUrl: string): Promise<HttpProxy> {
  const target = new URL(targetUrl);
  const counts = new Map<string, number>();
  const forwardedCounts = new Map<string, number>();
  const losing = new Set<string>();
  const holding = new Set<string>();
  const delays = new Map<string, number>();
  let heldAnswers: (() => void)[] = [];
  let fault: ProxyFault | null = null;
  const server: Server = createServer((incoming, outgoing) => {
    const path = (incoming.url ?? '/').split('?')[0] ?? '/';
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const faulty = fault;
    if (faulty !== null && !forwardsFirst(faulty)) {
      incoming.resume();
      answerInstead(faulty, path, outgoing);
      return;
    }
    const lose = losing.delete(path);
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        if (lose) {
          answer.resume();
          answer.on('end', () => outgoing.socket?.destroy());
          return;
        }
        if (faulty !== null) {
          answer.resume();
          answer.on('end', () => {
            answerInstead(faulty, path, outgoing);
          });
          return;
        }
        const pass = () => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        };
        const delay = delays.get(path);
        if (holding.has(path)) heldAnswers.push(pass);
        else if (delay !== undefined) setTimeout(pass, delay);
        else pass();
      },
    );
    upstream.on('finish', () => {
      forwardedCounts.set(path, (forwardedCounts.get(path) ?? 0) + 1);
    });
    upstream.on('error', () => outgoing.socket?.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: (path) => counts.get(path) ?? 0,
    forwarded: (path) => forwardedCounts.get(path) ?? 0,
    holdAnswersTo: (path) => {
      holding.add(path);
    },
    delayAnswersTo: (path, ms) => {
      delays.set(path, ms);
    },
    held: () => heldAnswers.length,
    releaseHeld: () => {
      holding.clear();
      const waiting = heldAnswers;
      heldAnswers = [];
      for (const pass of waiting) pass();
    },
    loseNextAnswerTo: (path) => {
      losing.add(path);
    },
    answerBadly: (next) => {
      fault = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** Faults that let the engine do the work and spoil only its answer. */
function forwardsFirst(fault: ProxyFault): boolean {
  return fault === 'malformed-json' || fault === 'wrong-shape';
}

function answerInstead(fault: ProxyFault, path: string, outgoing: ServerResponse): void {
  const json = { 'content-type': 'application/json' };
  if (typeof fault === 'object') {
    outgoing.writeHead(307, { location: `${fault.redirectTo}${path}` });
    outgoing.end();
    return;
  }
  switch (fault) {
    case 'black-hole':
      return;
    case 'html-502':
      outgoing.writeHead(502, { 'content-type': 'text/html' });
      outgoing.end(
        '<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>',
      );
      return;
    case 'status-500':
      outgoing.writeHead(500, json);
      outgoing.end(
        JSON.stringify({
          result: { code: 2, status: 'error' },
          error: { code: 1, name: 'internal_error', description: 'Internal error' },
        }),
      );
      return;
    case 'malformed-json':
      outgoing.writeHead(200, json);
      outgoing.end('{"result":{"code":1,"status":"ok"},"results":{"basket":');
      return;
    case 'wrong-shape':
      outgoing.writeHead(200, json);
      outgoing.end(
        JSON.stringify({ result: { code: 1, status: 'ok' }, results: { unexpected: true } }),
      );
      return;
  }
}
