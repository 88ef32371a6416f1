import { API_VERSION } from '../../src-shared/wire';
import { silentLog, type TillLog } from '../log';
import { authorizedCaller } from './session';
import { engineCalls, ownLimit, type CallTimeouts, type EngineCalls } from './calls';
import { checkHealth, type EngineHealth } from './health';
import {
  createTransport,
  DEFAULT_MAX_ANSWER_BYTES,
  type CallLimit,
  type EngineSession,
  type Transport,
} from './http-transport';
import { failed, succeeded, type EngineOutcome } from './outcome';
import {
  fixedSessionSource,
  logIn,
  terminalSessionSource,
  type Credentials,
  type SignedInSession,
} from './session';

export interface EngineClientOptions {
  readonly baseUrl: string;
  /** The terminal's engine account; the password is kept only to log in again. */
  readonly credentials: Credentials;
  /** How long a call may take: signing in, a manager's calls, and any purpose `timeouts` does not name. */
  readonly timeoutMs: number;
  /** A limit of its own for the calls of one purpose. */
  readonly timeouts?: CallTimeouts;
  /** Sent as X-Spaaza-API-Version on every call. */
  readonly apiVersion?: string;
  /** Sent as User-Agent on every call (see {@link tillUserAgent}); default: `voucher-till`. */
  readonly userAgent?: string;
  /** An answer body over this many bytes is cut off and counts as a bad answer. */
  readonly maxAnswerBytes?: number;
  /** PEM: the only CA an https:// engine's certificate may be signed by (`engineCaFile`). */
  readonly ca?: string;
  readonly log?: TillLog;
}

/** A manager's step-up session: the same calls, under the manager's name, never renewed. */
export interface ManagerClient extends EngineCalls {
  readonly session: EngineSession;
  /** The account's role as the engine announced it at sign-in; null from an engine that does not say. */
  readonly role: SignedInSession['role'];
  /** Where the account belongs, as the engine announced it (null: it did not say / the whole chain). */
  readonly chainId: SignedInSession['chainId'];
  readonly storeCode: SignedInSession['storeCode'];
  /** Ends the session on the engine (`DELETE /auth/logout`). */
  signOut(): Promise<EngineOutcome<null>>;
}

export interface EngineClient extends EngineCalls {
  /** Logs the terminal in now (calls also do so on first use), within `limit` when given. */
  login(limit?: CallLimit): Promise<EngineOutcome<SignedInSession>>;
  /** Signs a manager in; the username and password are used once and not kept. */
  managerLogin(username: string, password: string): Promise<EngineOutcome<ManagerClient>>;
  withSession(session: EngineSession): Omit<ManagerClient, 'role' | 'chainId' | 'storeCode'>;
  /** GET /healthz with its latency and the engine's clock; the probe's limit unless `limit` says. */
  health(limit?: CallLimit): Promise<EngineOutcome<EngineHealth>>;
}

const TILL_PRODUCT = 'voucher-till';

/** The User-Agent that names this till's version and its terminal, e.g. `voucher-till/0.1.0 (S001-01)`. */
export function tillUserAgent(version: string, terminal: string): string {
  return `${TILL_PRODUCT}/${version} (${terminal})`;
}

export function createEngineClient(options: EngineClientOptions): EngineClient {
  const log = options.log ?? silentLog;
  const transport = createTransport({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    apiVersion: options.apiVersion ?? API_VERSION,
    userAgent: options.userAgent ?? TILL_PRODUCT,
    maxAnswerBytes: options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES,
    ...(options.ca === undefined ? {} : { ca: options.ca }),
  });
  const terminal = terminalSessionSource(transport, options.credentials, (reason) => {
    const details = { username: options.credentials.username, engine: options.baseUrl };
    if (reason === 'first use') log.info(details, 'logging in to the voucher engine');
    else log.warn(details, 'the engine session ended; logging in again');
  });
  const call = authorizedCaller(transport, terminal);
  const logged = <T>(callName: string, outcome: EngineOutcome<T>): EngineOutcome<T> => {
    if (!outcome.ok && outcome.error.kind !== 'rejected')
      log.warn({ call: callName, kind: outcome.error.kind }, outcome.error.message);
    return outcome;
  };
  const timeouts = options.timeouts ?? {};
  const calls = engineCalls(
    async (callName, request, schema) => logged(callName, await call(callName, request, schema)),
    timeouts,
  );
  const withSession = (session: EngineSession) => managerClient(transport, session, timeouts);

  return {
    ...calls,
    login: (limit) => terminal.login(limit),
    managerLogin: async (username, password) => {
      const outcome = await logIn(transport, { username, password });
      if (!outcome.ok) return outcome;
      log.info({ username, role: outcome.value.role }, 'manager signed in to the voucher engine');
      const { role, chainId, storeCode } = outcome.value;
      return succeeded({ ...withSession(outcome.value), role, chainId, storeCode });
    },
    withSession,
    health: async (limit = ownLimit(timeouts.probeMs)) =>
      logged('healthz', await checkHealth(transport, limit)),
  };
}

function managerClient(
  transport: Transport,
  session: EngineSession,
  timeouts: CallTimeouts,
): Omit<ManagerClient, 'role' | 'chainId' | 'storeCode'> {
  const { userId, key } = session;
  return {
    ...engineCalls(authorizedCaller(transport, fixedSessionSource({ userId, key })), timeouts),
    session: { userId, key },
    signOut: async () => {
      const answer = await transport({ method: 'DELETE', path: '/auth/logout', session });
      if (!answer.ok) return answer;
      const status = answer.value.httpStatus;
      return status < 400
        ? succeeded(null)
        : failed({
            kind: 'unauthorized',
            message: `The manager session could not be ended (HTTP ${status}); it expires on its own.`,
          });
    },
  };
}
