import {
  createServer,
  request,
  type ClientRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  cannedAnswer,
  meetsBody,
  reachesEngine,
  type CannedAnswer,
  type HttpFault,
} from './http-faults';

/**
 * A real HTTP proxy on loopback (between a till and the engine, or a client and a till): it
 * counts the calls by path, can hold answers back, and can lose the answer to one call (the
 * server did the work, the caller never hears). It can also play a fault (http-faults.ts) on
 * every path or on some, switched on and off while the test runs.
 */
export interface HttpProxy {
  readonly url: string;
  calls(path: string): number;
  /** Calls to `path` whose whole request has been passed on. */
  forwarded(path: string): number;
  /** Answers to `path` wait until `releaseHeld()`. */
  holdAnswersTo(path: string): void;
  /** How many answers are being held now. */
  held(): number;
  releaseHeld(): void;
  /** The next call to `path` reaches the engine, but its answer is cut off. */
  loseNextAnswerTo(path: string): void;
  /** From now on, calls to `paths` (all paths when absent) meet `fault` instead of the engine's answer. */
  injectFault(fault: HttpFault, paths?: readonly string[]): void;
  /** Answers pass again; calls the fault was holding unanswered are cut. */
  liftFault(): void;
  /** Calls the faults have met so far. */
  faulted(): number;
  /** Calls to `path` received and not yet answered (nor given up by either side). */
  inFlight(path: string): number;
  stop(): Promise<void>;
}

/** Sends a request on to `target` as it came (with the target's Host); its answer goes to `onAnswer`. */
export function forwardTo(
  target: URL,
  incoming: IncomingMessage,
  onAnswer: (answer: IncomingMessage) => void,
): ClientRequest {
  return request(
    {
      host: target.hostname,
      port: target.port,
      method: incoming.method,
      path: incoming.url,
      headers: { ...incoming.headers, host: target.host },
    },
    onAnswer,
  );
}

export async function startHttpProxy(targetUrl: string): Promise<HttpProxy> {
  const target = new URL(targetUrl);
  const counts = new Map<string, number>();
  const forwardedCounts = new Map<string, number>();
  const losing = new Set<string>();
  const holding = new Set<string>();
  let heldAnswers: (() => void)[] = [];
  let active: { fault: HttpFault; paths: readonly string[] | null } | null = null;
  let faultedCalls = 0;
  const unanswered = new Set<Socket>();
  const open = new Map<string, number>();
  const answerWith = (outgoing: ServerResponse, canned: CannedAnswer) => {
    outgoing.writeHead(canned.status, {
      'content-type': canned.contentType,
      ...(canned.location === undefined ? {} : { location: canned.location }),
    });
    outgoing.end(canned.body);
  };
  const server: Server = createServer((incoming, outgoing) => {
    const path = (incoming.url ?? '/').split('?')[0] ?? '/';
    const faulting = active && (active.paths === null || active.paths.includes(path));
    if (faulting && active?.fault.kind === 'refuse-card') {
      // the fault depends on the body: read it whole, then refuse or pass it on
      const { fault } = active;
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const body = Buffer.concat(chunks);
        const canned = meetsBody(fault, body) ? cannedAnswer(fault, path) : null;
        if (canned) {
          faultedCalls += 1;
          answerWith(outgoing, canned);
          return;
        }
        const upstream = forwardTo(target, incoming, (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        });
        upstream.on('error', () => outgoing.socket?.destroy());
        upstream.end(body);
      });
      return;
    }
    counts.set(path, (counts.get(path) ?? 0) + 1);
    open.set(path, (open.get(path) ?? 0) + 1);
    outgoing.on('close', () => open.set(path, (open.get(path) ?? 1) - 1));
    const fault =
      active && (active.paths === null || active.paths.includes(path)) ? active.fault : null;
    if (fault) faultedCalls += 1;
    if (fault && !reachesEngine(fault)) {
      const canned = cannedAnswer(fault, path);
      incoming.resume();
      if (canned) {
        incoming.on('end', () => {
          answerWith(outgoing, canned);
        });
        return;
      }
      const { socket } = incoming;
      unanswered.add(socket);
      socket.on('close', () => unanswered.delete(socket));
      return;
    }
    const lose = losing.delete(path);
    const upstream = forwardTo(target, incoming, (answer) => {
      if (lose) {
        answer.resume();
        answer.on('end', () => outgoing.socket?.destroy());
        return;
      }
      const canned = fault ? cannedAnswer(fault, path) : null;
      if (canned) {
        answer.resume();
        answer.on('end', () => {
          answerWith(outgoing, canned);
        });
        return;
      }
      const pass = () => {
        if (outgoing.destroyed) return;
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      };
      if (fault?.kind === 'delay') setTimeout(pass, fault.ms);
      else if (holding.has(path)) heldAnswers.push(pass);
      else pass();
    });
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
    injectFault: (fault, paths) => {
      active = { fault, paths: paths ?? null };
    },
    liftFault: () => {
      active = null;
      for (const socket of unanswered) socket.destroy();
    },
    faulted: () => faultedCalls,
    inFlight: (path) => open.get(path) ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
