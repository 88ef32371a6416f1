import { randomUUID } from 'node:crypto';
import { Agent as HttpsAgent } from 'node:https';
import axios, { AxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import { err, ok, type Result } from '../../src-shared/result';
import { errorEnvelopeSchema, SESSION_HEADERS } from '../../src-shared/wire';
import { badAnswer, type EngineFailure } from './outcome';

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
  /** Sent as X-Request-Id; the same for every sending of one logical call. Default: a fresh UUID. */
  readonly requestId?: string;
}

/** What came back over the wire: an answer with a status the engine gives (not 3xx, not 5xx), before any validation. */
export interface RawAnswer {
  readonly httpStatus: number;
  /** The parsed JSON body; `undefined` when the body was empty or not JSON. */
  readonly body: unknown;
  /** The body's exact bytes, as a signature covers them. */
  readonly bytes: Uint8Array;
  /** The answer's headers with a single text value, by lower-case name. */
  readonly headers: Readonly<Record<string, string>>;
  /** What the body is in a few words ("an HTML page"), for a message about an answer the till cannot use. */
  readonly bodyDescription: string;
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
  /** Sent as User-Agent, naming the till and the terminal to the engine's request log. */
  readonly userAgent: string;
  /** An answer body longer than this is cut off and counts as a bad answer. */
  readonly maxAnswerBytes: number;
  /** PEM: the only CA an https:// engine's certificate may be signed by; default the system's. */
  readonly ca?: string;
}

/** A few MB: the widest honour-feed page the engine gives (1000 changes) is about 2 MB, a usual one under 1 MB. */
export const DEFAULT_MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export type Transport = (request: EngineRequest) => Promise<Result<RawAnswer, EngineFailure>>;

/**
 * One axios instance per client: no module state, every status the engine gives handed back
 * as data. Redirects are never followed (the session key must not travel to another address)
 * and, like a 5xx or an answer over the size cap, count as a bad answer: the engine is away.
 */
export function createTransport(options: TransportOptions): Transport {
  const http: AxiosInstance = axios.create({
    baseURL: options.baseUrl,
    validateStatus: () => true,
    maxRedirects: 0,
    maxContentLength: options.maxAnswerBytes,
    ...(options.ca === undefined ? {} : { httpsAgent: new HttpsAgent({ ca: options.ca }) }),
    // the body's bytes are kept (a signature covers them) and parsed here, so that a non-JSON
    // answer is reported instead of passed on as text
    transformResponse: [(data: unknown) => data],
    responseType: 'arraybuffer',
    headers: {
      [SESSION_HEADERS.apiVersion]: options.apiVersion,
      Accept: 'application/json',
      'User-Agent': options.userAgent,
    },
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
        headers: {
          'X-Request-Id': request.requestId ?? randomUUID(),
          ...sessionHeaders(request.session),
        },
        timeout: timeoutMs,
        // axios's timeout restarts on every byte; this bounds the whole exchange
        signal: AbortSignal.timeout(timeoutMs),
      });
      const finished = Date.now();
      const bytes = bytesOf(response.data);
      const text = Buffer.from(bytes).toString('utf8');
      const body = parseJson(text);
      if (!isEngineStatus(response.status))
        return err(badAnswerFrom(options.baseUrl, describeBadStatus(response, text, body)));
      return ok({
        httpStatus: response.status,
        body,
        bytes,
        headers: textHeaders(response.headers),
        bodyDescription: describeBody(text, body, response.headers['content-type']),
        latencyMs: finished - started,
        serverTime: parseDateHeader(response.headers.date),
        localMidpoint: Math.round((started + finished) / 2),
      });
    } catch (error) {
      if (error instanceof AxiosError) return err(failureOf(error, options, timeoutMs));
      throw error;
    }
  };
}

/** The engine answers 2xx, or 4xx with its error envelope; a 3xx or 5xx is never its answer to a till. */
function isEngineStatus(status: number): boolean {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500);
}

function badAnswerFrom(baseUrl: string, what: string): EngineFailure {
  return badAnswer(`The voucher engine at ${baseUrl} ${what}.`);
}

/** What axios hands over for `responseType: 'arraybuffer'` in Node: a Buffer. */
function bytesOf(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array();
}

function textHeaders(headers: AxiosResponse['headers']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      typeof value === 'string' ? [[name.toLowerCase(), value]] : [],
    ),
  );
}

function describeBadStatus(response: AxiosResponse<unknown>, text: string, body: unknown): string {
  const status = `answered HTTP ${response.status}`;
  if (response.status >= 300 && response.status < 400) {
    const location: unknown = response.headers.location;
    const where = typeof location === 'string' ? ` to ${location}` : '';
    return `${status}, a redirect${where} that the till does not follow`;
  }
  return `${status} with ${describeBody(text, body, response.headers['content-type'])}`;
}

/** What a body is, in a few words: the engine's error name, JSON, an HTML page, or text. */
function describeBody(raw: string, parsed: unknown, contentType?: unknown): string {
  const text = raw.trim();
  if (text === '') return 'an empty body';
  const refusal = errorEnvelopeSchema.safeParse(parsed);
  if (refusal.success) return `the error ${refusal.data.error.name}`;
  if (parsed !== undefined) return 'JSON that is not the engine’s error envelope';
  const html = typeof contentType === 'string' && contentType.includes('html');
  return html || text.startsWith('<') ? 'an HTML page' : 'a body that is not JSON';
}

function sessionHeaders(session: EngineSession | undefined): Record<string, string> {
  return session
    ? { [SESSION_HEADERS.userId]: String(session.userId), [SESSION_HEADERS.key]: session.key }
    : {};
}

function parseJson(data: string): unknown {
  if (data.trim() === '') return undefined;
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

/** What Node's TLS says of a certificate it refuses, in IT's words. */
const CERTIFICATE_PROBLEMS: Readonly<
  Record<string, { readonly problem: string; readonly untrusted: boolean } | undefined>
> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
    problem: 'is signed by a CA the till does not trust',
    untrusted: true,
  },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: {
    problem: 'is signed by a CA the till does not trust',
    untrusted: true,
  },
  UNABLE_TO_GET_ISSUER_CERT: {
    problem: 'is signed by a CA the till does not trust',
    untrusted: true,
  },
  SELF_SIGNED_CERT_IN_CHAIN: {
    problem: 'is signed by a CA the till does not trust',
    untrusted: true,
  },
  DEPTH_ZERO_SELF_SIGNED_CERT: { problem: 'is self-signed', untrusted: true },
  CERT_HAS_EXPIRED: { problem: 'has expired', untrusted: false },
  CERT_NOT_YET_VALID: { problem: 'is not valid yet', untrusted: false },
  ERR_TLS_CERT_ALTNAME_INVALID: { problem: 'does not name this address', untrusted: false },
};

function trustHint(options: TransportOptions): string {
  return options.ca === undefined
    ? 'set engineCaFile to the PEM file of the CA that signed it'
    : 'engineCaFile does not hold the CA that signed it';
}

function failureOf(error: AxiosError, options: TransportOptions, timeoutMs: number): EngineFailure {
  const { baseUrl } = options;
  const code = error.code ?? '';
  if (TIMEOUT_CODES.has(code))
    return {
      kind: 'unavailable',
      cause: 'timeout',
      message: `The voucher engine at ${baseUrl} did not answer within ${timeoutMs} ms.`,
    };
  // the size cap: axios stops reading the answer there
  if (code === AxiosError.ERR_BAD_RESPONSE && error.message.startsWith('maxContentLength'))
    return badAnswerFrom(
      baseUrl,
      `answered with more than ${options.maxAnswerBytes} bytes, the most the till reads`,
    );
  const certificate = CERTIFICATE_PROBLEMS[code];
  if (certificate !== undefined)
    return {
      kind: 'unavailable',
      cause: 'no_connection',
      message: `The voucher engine at ${baseUrl} is not trusted: its certificate ${certificate.problem} (${code}); ${certificate.untrusted ? trustHint(options) : 'the engine needs a certificate that is valid for this address now'}.`,
    };
  const cause = code === '' ? error.message : code;
  return {
    kind: 'unavailable',
    cause: 'no_connection',
    message: `The voucher engine at ${baseUrl} cannot be reached (${cause}).`,
  };
}
