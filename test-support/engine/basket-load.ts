import { Agent, request } from 'node:http';
import { basketRequest, item } from './baskets';
import type { Session } from './client';

/** What became of one add-basket request. */
export type LoadOutcome =
  | { readonly kind: 'answered'; readonly code: string; readonly status: number }
  /** The connection was refused: nothing listened any more. */
  | { readonly kind: 'refused'; readonly code: string }
  /** The connection broke before the whole answer came (reset, hang-up). */
  | { readonly kind: 'broken'; readonly code: string; readonly error: string };

export interface BasketLoad {
  /** Settles once every worker has stopped: told to, or refused by a closed listener. */
  readonly done: Promise<readonly LoadOutcome[]>;
  /** Settles once every worker has had an answer: each holds a connection the engine accepted. */
  readonly warmedUp: Promise<void>;
  stop(): void;
}

/**
 * `workers` tills sending item-only add-baskets back to back over kept-alive connections, each
 * with a basket code of its own, until stopped or refused (then that worker ends).
 */
export function loadAddBaskets(url: string, session: Session, workers: number): BasketLoad {
  const agent = new Agent({ keepAlive: true, maxSockets: workers });
  const outcomes: LoadOutcome[] = [];
  let stopped = false;
  let warm = 0;
  let markWarm: () => void = () => undefined;
  const warmedUp = new Promise<void>((resolve) => {
    markWarm = resolve;
  });
  const worker = async (n: number) => {
    for (let seq = 1; !stopped; seq += 1) {
      const code = `LOAD-${n}-${seq}`;
      const outcome = await addBasket(url, session, agent, code);
      outcomes.push(outcome);
      if (outcome.kind !== 'answered') return;
      if (seq === 1 && (warm += 1) === workers) markWarm();
    }
  };
  const done = Promise.all(Array.from({ length: workers }, (_, n) => worker(n))).then(() => {
    agent.destroy();
    return outcomes;
  });
  return {
    done,
    warmedUp,
    stop: () => {
      stopped = true;
    },
  };
}

function addBasket(
  url: string,
  session: Session,
  agent: Agent,
  code: string,
): Promise<LoadOutcome> {
  const body = JSON.stringify(basketRequest(code, [item('coffee', 1495)], { member: null }));
  return new Promise((resolve) => {
    const sent = request(
      `${url}/auth/add-basket`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-spaaza-session-user-id': String(session.userId),
          'x-spaaza-session-key': session.key,
        },
      },
      (response) => {
        response.resume();
        response.once('end', () => {
          resolve({ kind: 'answered', code, status: response.statusCode ?? 0 });
        });
        response.once('error', (error) => {
          resolve({ kind: 'broken', code, error: error.message });
        });
      },
    );
    sent.once('error', (error: NodeJS.ErrnoException) => {
      resolve(
        error.code === 'ECONNREFUSED'
          ? { kind: 'refused', code }
          : { kind: 'broken', code, error: `${error.code ?? ''} ${error.message}` },
      );
    });
    sent.end(body);
  });
}
