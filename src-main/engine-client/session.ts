import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { fromSpaazaDateTime, loginResultsSchema } from '../../src-shared/wire';
import { decodeAnswer } from './decode';
import type {
  CallLimit,
  EngineRequest,
  EngineSession,
  RawAnswer,
  Transport,
} from './http-transport';
import { failed, isNoValidSession, succeeded, withValue, type EngineOutcome } from './outcome';

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export interface SignedInSession extends EngineSession {
  /** Epoch milliseconds, as the engine announced it. */
  readonly expiresAt: number | null;
  readonly role: 'terminal' | 'manager' | 'admin' | null;
  /** The account's chain, when the engine says. */
  readonly chainId: number | null;
  /** The store the account belongs to; null: the whole chain (or an engine that does not say). */
  readonly storeCode: string | null;
}

/** The reference's error for a wrong username or password (docs/spaaza-wire.md, "Errors", code 5). */
const BAD_CREDENTIALS = 'password_error_or_non_existent';

/** `POST /auth/login`, form-encoded (docs/spaaza-wire.md, "Sessions"). Bad credentials are `unauthorized`. */
export async function logIn(
  transport: Transport,
  credentials: Credentials,
  limit: CallLimit = {},
): Promise<EngineOutcome<SignedInSession>> {
  const answer = await transport({
    method: 'POST',
    path: '/auth/login',
    form: { username: credentials.username, password: credentials.password },
    ...limit,
  });
  if (!answer.ok) return answer;
  const outcome = decodeAnswer('login', answer.value, loginResultsSchema);
  if (!outcome.ok && outcome.error.kind === 'rejected' && outcome.error.name === BAD_CREDENTIALS)
    return failed({
      kind: 'unauthorized',
      message: `The voucher engine does not accept the username or password of "${credentials.username}".`,
    });
  return withValue(outcome, (results) => ({
    userId: results.session_info.session_user_id,
    key: results.session_info.session_key,
    expiresAt: fromSpaazaDateTime(results.session_info.session_expires_date),
    role: results.user_info?.role ?? null,
    chainId: results.user_info?.chain_id ?? null,
    storeCode: results.user_info?.store_code ?? null,
  }));
}

/** Where a call's session comes from, and whether a dead one can be replaced. */
export interface SessionSource {
  current(): Promise<EngineOutcome<EngineSession>>;
  /** A replacement for `stale`, which the engine no longer accepts. */
  renew(stale: EngineSession): Promise<EngineOutcome<EngineSession>>;
}

/**
 * The terminal's own session: logged in on first use, and again when the engine drops it.
 * Concurrent calls share one login, so a burst of calls that all find the session gone
 * causes a single new login (which would otherwise end each other's sessions).
 */
export function terminalSessionSource(
  transport: Transport,
  credentials: Credentials,
  onLogin: (reason: 'first use' | 'session ended') => void,
): SessionSource & { login(limit?: CallLimit): Promise<EngineOutcome<SignedInSession>> } {
  let session: SignedInSession | null = null;
  let pending: Promise<EngineOutcome<SignedInSession>> | null = null;

  const login = (limit: CallLimit = {}): Promise<EngineOutcome<SignedInSession>> => {
    pending ??= logIn(transport, credentials, limit).then((outcome) => {
      pending = null;
      session = outcome.ok ? outcome.value : null;
      return outcome;
    });
    return pending;
  };

  return {
    login,
    current: async () => {
      if (session) return succeeded(session);
      if (!pending) onLogin('first use');
      return login();
    },
    renew: async (stale) => {
      if (session && session.key !== stale.key) return succeeded(session);
      if (!pending) onLogin('session ended');
      session = null;
      return login();
    },
  };
}

/** A session someone else signed in (the manager's step-up): it cannot be renewed here. */
export function fixedSessionSource(session: EngineSession): SessionSource {
  return {
    current: () => Promise.resolve(succeeded(session)),
    renew: () =>
      Promise.resolve(
        failed({
          kind: 'unauthorized',
          message: 'The manager session has ended; the manager must sign in again.',
        }),
      ),
  };
}

export type AuthorizedCall = <S extends z.ZodType>(
  callName: string,
  request: Omit<EngineRequest, 'session'>,
  resultsSchema: S,
) => Promise<EngineOutcome<z.output<S>>>;

/** A call's results with the answer they came in (its bytes and headers, for a signature). */
export interface Answered<T> {
  readonly results: T;
  readonly answer: RawAnswer;
}

/** An {@link AuthorizedCall} that also hands back the answer. */
export type AnsweredCall = <S extends z.ZodType>(
  callName: string,
  request: Omit<EngineRequest, 'session'>,
  resultsSchema: S,
) => Promise<EngineOutcome<Answered<z.output<S>>>>;

/** The results alone. */
export function resultsOnly(call: AnsweredCall): AuthorizedCall {
  return async (callName, request, resultsSchema) =>
    withValue(await call(callName, request, resultsSchema), (answered) => answered.results);
}

/**
 * Sends a call with the source's session. When the engine says `no_valid_session` (expired,
 * or ended by a newer login of the same account), the session is renewed once and the call
 * sent once more; a second refusal is `unauthorized`. Repeating a call is safe: get-basket-price
 * stores nothing and add-basket is idempotent on its basket code (docs/architecture.md, "Locking and redemption").
 */
export function authorizedCaller(transport: Transport, source: SessionSource): AnsweredCall {
  return async (callName, request, resultsSchema) => {
    // a call sent again after renewing the session is the same call to the engine's log
    const requestId = randomUUID();
    const send = async (session: Awaited<ReturnType<SessionSource['current']>>) => {
      if (!session.ok) return session;
      const answer = await transport({ ...request, requestId, session: session.value });
      if (!answer.ok) return answer;
      return withValue(decodeAnswer(callName, answer.value, resultsSchema), (results) => ({
        results,
        answer: answer.value,
      }));
    };
    const session = await source.current();
    const first = await send(session);
    if (!isNoValidSession(first) || !session.ok) return first;
    const second = await send(await source.renew(session.value));
    if (!isNoValidSession(second)) return second;
    return failed({
      kind: 'unauthorized',
      message: `The voucher engine refused the session for ${callName} even after signing in again.`,
    });
  };
}
