import { timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type RequestHandler } from 'express';
import type { TillEventSubscribe, TillHandlers } from '../../src-shared/till';
import { contentSecurityPolicy } from './content-security-policy';
import { dispatch } from './dispatch';
import { eventStreams, type EventStreams } from './event-stream';
import { gracefulClose } from '../../src-node/graceful-close';
import { isAllowedHost, isLoopbackAddress } from './loopback';

export interface TillHttpOptions {
  readonly handlers: TillHandlers;
  /** The core's announcements, pushed to the screens as Server-Sent Events at GET /api/events. */
  readonly events?: TillEventSubscribe;
  /** Bearer tokens accepted: one generated per launch for the UI, and the host POS's configured one. */
  readonly tokens: readonly string[];
  readonly host?: string;
  readonly port?: number;
  /** The built UI, served at / when it exists. */
  readonly staticDir?: string | null;
  readonly onFault: (error: unknown, command: string) => void;
}

export interface TillHttpServer {
  readonly url: string;
  readonly port: number;
  /** Drains the commands already received (10 s unless told), then cuts what is left. */
  stop(drainMs?: number): Promise<void>;
}

const NO_UI_YET = `voucher-till is running in browser mode without a built UI.

The till's commands are served here as POST /api/<group>/<command> with a JSON body and
Authorization: Bearer <the token in this page's address>, e.g. POST /api/sale/start {},
POST /api/sale/scan {"saleId": "...", "code": "8712345000011"}, POST /api/status/get {}.
GET /api/events (same token) streams what changed as Server-Sent Events.
The full list is src-shared/till/commands.ts.
`;

const STATUS_OF: Readonly<Record<string, number>> = { unknown_command: 404, invalid_input: 400 };

function sameToken(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function guard(tokens: readonly string[], port: () => number): RequestHandler {
  return (request, response, next) => {
    if (!isAllowedHost(request.get('host'), port())) {
      response.status(403).json({
        ok: false,
        error: { code: 'forbidden', message: 'requests must be addressed to the loopback host' },
      });
      return;
    }
    const presented = /^Bearer (\S+)$/.exec(request.get('authorization') ?? '')?.[1];
    if (!presented || !tokens.some((token) => sameToken(presented, token))) {
      response.status(401).json({
        ok: false,
        error: { code: 'forbidden', message: 'send Authorization: Bearer <till token>' },
      });
      return;
    }
    next();
  };
}

export function createTillHttpApp(
  options: TillHttpOptions,
  port: () => number,
  streams: EventStreams | null = null,
): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/api', guard(options.tokens, port), express.json({ limit: '64kb' }));
  if (streams)
    app.get('/api/events', (request, response) => {
      streams.handle(request, response);
    });
  app.post('/api/:group/:name', async (request, response) => {
    const command = `${request.params.group}/${request.params.name}`;
    const result = await dispatch(options.handlers, command, request.body, options.onFault);
    response.status(result.ok ? 200 : (STATUS_OF[result.error.code] ?? 200)).json(result);
  });
  app.use('/api', (_request, response) => {
    response.status(404).json({
      ok: false,
      error: { code: 'unknown_command', message: 'POST /api/<group>/<command>' },
    });
  });
  // The page's address carries the launch token: it must never leak through a Referer.
  app.use((_request, response, next) => {
    response.set({
      'Content-Security-Policy': contentSecurityPolicy(`http://127.0.0.1:${String(port())}`),
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    });
    next();
  });
  if (options.staticDir) app.use(express.static(options.staticDir, { index: 'index.html' }));
  else app.get('/', (_request, response) => response.type('text/plain').send(NO_UI_YET));
  app.use(((error, _request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    response.status(400).json({
      ok: false,
      error: { code: 'invalid_input', message: 'the request body is not valid JSON' },
    });
  }) satisfies express.ErrorRequestHandler);
  return app;
}

/** Serves the till command map on loopback only; a non-loopback host is refused before anything listens. */
export async function startTillHttpServer(options: TillHttpOptions): Promise<TillHttpServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackAddress(host)) {
    throw new Error(`the till API may only listen on a loopback address, not "${host}"`);
  }
  if (options.tokens.length === 0 || options.tokens.some((token) => token.length < 16)) {
    throw new Error('the till API needs bearer tokens of at least 16 characters');
  }
  let boundPort = 0;
  const streams = options.events ? eventStreams(options.events) : null;
  const app = createTillHttpApp(options, () => boundPort, streams);
  const port = options.port ?? 0;
  const server = await new Promise<Server>((resolve, reject) => {
    // Express 5 calls this with the error when listening fails
    const listening = app.listen(port, host, (error) => {
      if (error) reject(new TillListenError(host, port, error));
      else resolve(listening);
    });
  });
  boundPort = (server.address() as AddressInfo).port;
  const close = gracefulClose(server);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`,
    port: boundPort,
    stop: async (drainMs = STOP_DRAIN_MS) => {
      // an event stream never finishes by itself: it would hold the drain to its end
      const closing = close(drainMs);
      streams?.endAll();
      await closing;
    },
  };
}

/** How long a stop lets the commands already received finish before it cuts them. */
const STOP_DRAIN_MS = 10_000;

/** The port (or address) could not be listened on: one line naming the setting. */
export class TillListenError extends Error {
  override readonly name = 'TillListenError';
  constructor(host: string, port: number, cause: Error) {
    const code = 'code' in cause ? cause.code : undefined;
    const reason =
      code === 'EADDRINUSE'
        ? 'the port is in use'
        : code === 'EACCES'
          ? 'permission denied for this port'
          : cause.message;
    super(`the till cannot listen on ${host}:${String(port)}: ${reason} (httpPort, TILL_PORT)`, {
      cause,
    });
  }
}
