import { Agent, request as httpRequest } from 'node:http';
import { fuzzRequest, type FuzzPhase, type FuzzRequest } from './fuzz-mutate';
import { Random } from './fuzz-random';
import type { FuzzData, FuzzRoute } from './fuzz-routes';

/** Someone calling the engine: no one, a stranger with a made-up key, or an account. */
export interface FuzzCaller {
  readonly name: string;
  headers(): Record<string, string>;
  /** Logs in again after the fuzzer's logout call ended this caller's session. */
  renew?(): Promise<void>;
}

export interface Offender {
  readonly index: number;
  readonly caller: string;
  readonly request: FuzzRequest;
  readonly status: number;
  readonly answer: string;
}

export interface FuzzReport {
  readonly seed: number;
  readonly phase: FuzzPhase;
  readonly requests: number;
  readonly aborted: number;
  readonly durationMs: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly routes: Readonly<Record<string, number>>;
  readonly callers: Readonly<Record<string, number>>;
  /** Answers of 500 or above, and requests that got no answer at all (status 0). */
  readonly offenders: readonly Offender[];
  /** In the refused phase: answered requests whose answer was not a 4xx. */
  readonly notRefused: readonly Offender[];
  /** Basket codes of refused basket and lock calls: nothing may be stored under them. */
  readonly refusedBasketCodes: readonly string[];
}

export interface FuzzOptions {
  readonly url: string;
  readonly seed: number;
  readonly requests: number;
  readonly concurrency: number;
  readonly phase: FuzzPhase;
  readonly routes: readonly FuzzRoute[];
  readonly callers: readonly FuzzCaller[];
  readonly data: FuzzData;
  /** Called after every 10,000 requests with how many were sent. */
  readonly onProgress?: (sent: number) => void;
}

const ANSWER_TIMEOUT_MS = 20_000;
const KEPT_ANSWER_CHARS = 300;

interface Sent {
  readonly status: number;
  readonly answer: string;
}

function send(agent: Agent, url: URL, fuzz: FuzzRequest): Promise<Sent | null> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...fuzz.headers };
    if (fuzz.body !== null) headers['content-length'] = String(fuzz.body.length);
    const outgoing = httpRequest({
      agent: fuzz.abort ? false : agent,
      host: url.hostname,
      port: url.port,
      method: fuzz.method,
      path: fuzz.target,
      headers,
      timeout: ANSWER_TIMEOUT_MS,
    });
    outgoing.on('timeout', () => {
      outgoing.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`));
    });
    outgoing.on('error', (error) => {
      resolve(fuzz.abort ? null : { status: 0, answer: error.message });
    });
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const answer = Buffer.concat(chunks).toString('utf8').slice(0, KEPT_ANSWER_CHARS);
        resolve({ status: response.statusCode ?? 0, answer });
      });
      response.on('error', (error) => {
        resolve({ status: 0, answer: error.message });
      });
    });
    if (fuzz.abort) {
      outgoing.flushHeaders();
      outgoing.write(fuzz.body?.subarray(0, Math.floor(fuzz.body.length / 2)) ?? 'x', () => {
        setTimeout(() => outgoing.destroy(), 10);
      });
      outgoing.on('close', () => {
        resolve(null);
      });
      return;
    }
    outgoing.end(fuzz.body ?? undefined);
  });
}

const count = (tally: Record<string, number>, key: string) => {
  tally[key] = (tally[key] ?? 0) + 1;
};

const isLogout = (request: FuzzRequest) =>
  request.route.endsWith(' /auth/logout') && request.method === request.route.split(' ')[0];

/**
 * Sends `requests` fuzzed requests, `concurrency` at a time, each for a route and a caller
 * picked by the seeded generator, and tallies the answers.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const url = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const statuses: Record<string, number> = {};
  const routes: Record<string, number> = {};
  const callers: Record<string, number> = {};
  const offenders: Offender[] = [];
  const notRefused: Offender[] = [];
  const refusedBasketCodes: string[] = [];
  const routeWeights = options.routes.map((route): [FuzzRoute, number] => [route, route.weight]);
  let next = 0;
  let aborted = 0;
  const started = Date.now();

  const worker = async () => {
    for (let index = next++; index < options.requests; index = next++) {
      // one generator per request: request n of a seed is the same on every run
      const random = new Random((options.seed + Math.imul(index + 1, 0x9e3779b1)) >>> 0);
      const route = random.weighted(routeWeights);
      const caller = random.pick(options.callers);
      const fuzz = fuzzRequest(route, caller.headers(), options.data, random, options.phase);
      count(routes, fuzz.route);
      count(callers, caller.name);
      const sent = await send(agent, url, fuzz);
      if (sent === null) {
        aborted += 1;
        count(statuses, 'aborted');
        continue;
      }
      count(statuses, String(sent.status));
      if ((index + 1) % 10_000 === 0) options.onProgress?.(index + 1);
      const record = { index, caller: caller.name, request: fuzz, ...sent };
      if (sent.status >= 500 || sent.status === 0) offenders.push(record);
      if (options.phase === 'refused' && (sent.status < 400 || sent.status >= 500))
        notRefused.push(record);
      if (sent.status >= 400 && fuzz.basketCode !== null) refusedBasketCodes.push(fuzz.basketCode);
      if (sent.status === 200 && isLogout(fuzz)) await caller.renew?.();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  agent.destroy();
  return {
    seed: options.seed,
    phase: options.phase,
    requests: options.requests,
    aborted,
    durationMs: Date.now() - started,
    statuses,
    routes,
    callers,
    offenders,
    notRefused,
    refusedBasketCodes,
  };
}

/** The first few offenders, each with the request that made it, to paste into a bug report. */
export function describeOffenders(report: FuzzReport, offenders: readonly Offender[]): string {
  const shown = offenders.slice(0, 5).map((offender) =>
    JSON.stringify({
      index: offender.index,
      caller: offender.caller,
      status: offender.status,
      answer: offender.answer,
      method: offender.request.method,
      target: offender.request.target.slice(0, 300),
      mutations: offender.request.mutations,
      headers: offender.request.headers,
      body: offender.request.body?.toString('utf8').slice(0, 300) ?? null,
    }),
  );
  return [
    `seed ${report.seed} (rerun with ENGINE_FUZZ_SEED=${report.seed}), phase ${report.phase}: ${offenders.length} of ${report.requests}`,
    ...shown,
  ].join('\n');
}
