import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { gracefulClose } from '../src-node/graceful-close';
import { EngineStartError } from './start-error';
import type { TlsCredentials } from './tls';

/** How long a stop lets the requests already received finish, unless told otherwise. */
export const DEFAULT_SHUTDOWN_DRAIN_MS = 10_000;

export interface Listener {
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting connections and closes the idle ones; the requests already received are
   * answered (with `Connection: close`) within `drainMs`. Only then are the connections still
   * open cut; the promise says how many requests that cut.
   */
  close(drainMs: number): Promise<{ readonly cut: number }>;
}

/**
 * Listens on host:port, over HTTPS when given a certificate and key; a failure (a port in use)
 * rejects with a one-line EngineStartError.
 */
export async function listen(
  app: Express,
  host: string,
  port: number,
  tls: TlsCredentials | null = null,
): Promise<Listener> {
  const server: Server = tls
    ? createHttpsServer({ cert: tls.cert, key: tls.key }, app)
    : createHttpServer(app);
  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => {
      reject(listenFailure(error, host, port));
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    close: gracefulClose(server),
  };
}

const LISTEN_REASONS: Readonly<Record<string, { reason: string; setting: string }>> = {
  EADDRINUSE: { reason: 'the port is in use', setting: 'ENGINE_PORT' },
  EACCES: { reason: 'permission denied for this port', setting: 'ENGINE_PORT' },
  EADDRNOTAVAIL: { reason: 'the address is not one of this machine', setting: 'ENGINE_HOST' },
  ENOTFOUND: { reason: 'the host name is unknown', setting: 'ENGINE_HOST' },
};

function listenFailure(error: Error, host: string, port: number): EngineStartError {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  const known = LISTEN_REASONS[code];
  const reason = known?.reason ?? error.message;
  return new EngineStartError(
    `cannot listen on ${host}:${port}: ${reason} (${known?.setting ?? 'ENGINE_HOST, ENGINE_PORT'})`,
    { cause: error },
  );
}
