import axios, { AxiosError, type AxiosInstance } from 'axios';
import { err, ok, type Result } from '../../src-shared/result';
import { SESSION_HEADERS } from '../../src-shared/wire';
import type { EngineFailure } from './outcome';

/** The two Spaaza session headers' values (docs/spaaza-wire.md, "Sessions"). */
export interface EngineSession {
  readonly userId: number;
  readonly key: string;
}

/** A call's own limit, in milliseconds; without one, the transport's `timeoutMs`. */
export interface CallLimit {
  readonly timeoutMs?: number;
}

export interface EngineRequest extends CallLimit {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly json?: unknown;
  readonly form?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | number | boolean>>;
  readonly session?: EngineSession;
}

/** What came back over the wire, before any validation. */
export interface RawAnswer {
  readonly httpStatus: number;
  /** The parsed JSON body; `undefined` when the body was empty or not JSON. */
  readonly body: unknown;
  readonly latencyMs: number;
  /** Epoch milliseconds of the engine's `Date` header (second resolution), or null. */
  readonly serverTime: number | null;
  /** Local epoch milliseconds halfway through the exchange, to compare with `serverTime`. */
  readonly localMidpoint: number;
}

export interface TransportOptions {
  readonly baseUrl: string;
  /** For a request that sets none of its own. */
  readonly timeoutMs: number;
  readonly apiVersion: string;
}

export type Transport = (request: EngineRequest) => Promise<Result<RawAnswer, EngineFailure>>;

/** One axios instance per client: no module state, every status handed back as data. */
export function createTransport(options: TransportOptions): Transport {
  const http: AxiosInstance = axios.create({
    baseURL: options.baseUrl,
    validateStatus: () => true,
    // the body is parsed here, so that a non-JSON answer is reported instead of passed on as text
    transformResponse: [(data: unknown) => data],
    responseType: 'text',
    headers: { [SESSION_HEADERS.apiVersion]: options.apiVersion, Accept: 'application/json' },
  });

  return async (request) => {
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;
    const started = Date.now();
    try {
      const response = await http.request<unknown>({
        method: request.method,
        url: request.path,
        params: request.query,
        data: request.form ? new URLSearchParams({ ...request.form }) : request.json,
        headers: sessionHeaders(request.session),
        timeout: timeoutMs,
        // axios's timeout restarts on every byte; this bounds the whole exchange
        signal: AbortSignal.timeout(timeoutMs),
      });
      const finished = Date.now();
      return ok({
        httpStatus: response.status,
        body: parseJson(response.data),
        latencyMs: finished - started,
        serverTime: parseDateHeader(response.headers.date),
        localMidpoint: Math.round((started + finished) / 2),
      });
    } catch (error) {
      if (error instanceof AxiosError) return err(unavailable(error, options.baseUrl, timeoutMs));
      throw error;
    }
  };
}

function sessionHeaders(session: EngineSession | undefined): Record<string, string> {
  return session
    ? { [SESSION_HEADERS.userId]: String(session.userId), [SESSION_HEADERS.key]: session.key }
    : {};
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string' || data.trim() === '') return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

function parseDateHeader(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  AxiosError.ECONNABORTED,
  AxiosError.ETIMEDOUT,
  AxiosError.ERR_CANCELED,
]);

function unavailable(error: AxiosError, baseUrl: string, timeoutMs: number): EngineFailure {
  const code = error.code ?? '';
  if (TIMEOUT_CODES.has(code))
    return {
      kind: 'unavailable',
      cause: 'timeout',
      message: `The voucher engine at ${baseUrl} did not answer within ${timeoutMs} ms.`,
    };
  const cause = code === '' ? error.message : code;
  return {
    kind: 'unavailable',
    cause: 'no_connection',
    message: `The voucher engine at ${baseUrl} cannot be reached (${cause}).`,
  };
}
