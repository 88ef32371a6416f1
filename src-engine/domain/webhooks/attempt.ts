import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  connectRefusal,
  DestinationRefused,
  guardedLookup,
  type DestinationPolicy,
  type DestinationRefusal,
} from './destination';
import { ADDRESS_REFUSED, DELIVERED, NOT_ACCEPTED, type AttemptOutcome } from './outcomes';
import { deliveryBody, signedHeaders } from './signature';

/** Longest receiver-supplied text (a redirect's Location) kept in an attempt's detail. */
const MAX_DETAIL_CHARS = 500;

/** delivered: a 2xx; retry: worth another attempt; final: another attempt would get the same answer. */
export type Verdict = 'delivered' | 'retry' | 'final';

export interface Attempted {
  readonly at: number;
  readonly statusCode: number | null;
  readonly durationMs: number;
  readonly verdict: Verdict;
  /** What the delivery log shows. */
  readonly outcome: AttemptOutcome;
  /** Why it failed, for the engine's log only; null when delivered. */
  readonly detail: string | null;
}

export interface AttemptTarget {
  readonly url: string;
  readonly secret: string;
  readonly event_uuid: string;
  readonly type: string;
  readonly subject: string;
  readonly payload_json: string;
  readonly reported_at: number;
}

/**
 * One attempt: the signed POST, its answer's status or why there was none; undefined when
 * `stopping` abandoned it. It connects only to addresses the policy allows, follows no
 * redirect, and never reads the answer's body: a receiver cannot make us hold it.
 */
export async function attempt(
  target: AttemptTarget,
  policy: DestinationPolicy,
  timeoutMs: number,
  now: () => number,
  stopping: AbortSignal,
): Promise<Attempted | undefined> {
  const body = deliveryBody(target);
  const at = now();
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const url = new URL(target.url);
  const early = connectRefusal(policy, url);
  if (early !== null) return { at, statusCode: null, durationMs: took(), ...refused(early) };
  const signal = attemptSignal(stopping, timeoutMs);
  try {
    const headers = {
      'content-type': 'application/json',
      ...signedHeaders(target.secret, target.event_uuid, at, body),
    };
    const response = await post(url, headers, body, signal.signal, guardedLookup(policy));
    return { at, statusCode: response.status, durationMs: took(), ...judge(response) };
  } catch (failure) {
    if (stopping.aborted) return undefined;
    const detail = signal.signal.aborted
      ? `no answer within ${timeoutMs} ms`
      : describeFailure(failure);
    const judged: Pick<Attempted, 'verdict' | 'outcome' | 'detail'> =
      failure instanceof DestinationRefused
        ? refused(failure.refusal)
        : { verdict: 'retry', outcome: NOT_ACCEPTED, detail };
    return { at, statusCode: null, durationMs: took(), ...judged };
  } finally {
    signal.finished();
  }
}

interface Answer {
  readonly status: number;
  readonly location: string | null;
}

/** The POST itself; resolves with the answer's status line and hangs up without reading on. */
function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
  lookup: LookupFunction,
): Promise<Answer> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        signal,
        agent: false,
      },
      (response: IncomingMessage) => {
        const location = response.headers.location;
        resolve({ status: response.statusCode ?? 0, location: location ?? null });
        response.destroy();
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** A refusal by the address policy ends the delivery; a name that does not resolve is retried. */
function refused(refusal: DestinationRefusal): Pick<Attempted, 'verdict' | 'outcome' | 'detail'> {
  return refusal.kind === 'unresolved'
    ? { verdict: 'retry', outcome: NOT_ACCEPTED, detail: refusal.message }
    : {
        verdict: 'final',
        outcome: ADDRESS_REFUSED,
        detail: `refused: ${refusal.message}${refusal.resolvedTo === undefined ? '' : ` (resolved to ${refusal.resolvedTo})`}`,
      };
}

/**
 * The signal one attempt is sent with: aborted by `stopping`, or once the timeout is over. Its
 * timer is an ordinary one that the attempt holds and clears: on Node 20, `AbortSignal.any`
 * over `AbortSignal.timeout` loses the timeout when the garbage collector runs, and a receiver
 * that never answered then held its slot until the OS gave up on the connection (minutes),
 * starving every other delivery.
 */
function attemptSignal(
  stopping: AbortSignal,
  timeoutMs: number,
): { readonly signal: AbortSignal; finished(): void } {
  const controller = new AbortController();
  const stop = () => {
    controller.abort(stopping.reason);
  };
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  // a stop before the attempt began aborts it at once, as one during it does
  if (stopping.aborted) stop();
  else stopping.addEventListener('abort', stop, { once: true });
  return {
    signal: controller.signal,
    finished: () => {
      clearTimeout(timer);
      stopping.removeEventListener('abort', stop);
    },
  };
}

function judge(answer: Answer): Pick<Attempted, 'verdict' | 'outcome' | 'detail'> {
  const { status, location } = answer;
  if (status >= 200 && status < 300)
    return { verdict: 'delivered', outcome: DELIVERED, detail: null };
  // a receiver that moved or is gone answers the same to every retry
  if (status >= 300 && status < 400)
    return {
      verdict: 'final',
      outcome: NOT_ACCEPTED,
      detail:
        location === null
          ? `answered ${status}: a redirect without a Location, not followed`
          : `answered ${status}: a redirect to ${location.slice(0, MAX_DETAIL_CHARS)}, not followed`,
    };
  if (status === 410)
    return {
      verdict: 'final',
      outcome: NOT_ACCEPTED,
      detail: 'answered 410: gone, the receiver takes no more deliveries',
    };
  return { verdict: 'retry', outcome: NOT_ACCEPTED, detail: `answered ${status}` };
}

function describeFailure(failure: unknown): string {
  if (failure instanceof Error) {
    const code = 'code' in failure && typeof failure.code === 'string' ? ` (${failure.code})` : '';
    return `${failure.message}${code}`.slice(0, MAX_DETAIL_CHARS);
  }
  return String(failure).slice(0, MAX_DETAIL_CHARS);
}
