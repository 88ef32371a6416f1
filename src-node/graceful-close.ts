import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

/** How long an idle kept-alive connection may still bring a request once a stop began. */
const IDLE_GRACE_MS = 1000;

/**
 * How an HTTP server stops listening: no new connections; every request received from then on (on a
 * connection kept alive) is answered with `Connection: close`; the connections still idle after a
 * short grace are closed; the requests already received are answered within the drain time.
 * Only what is still open then is cut. Call it right after listening, so that every request is
 * tracked.
 */
export function gracefulClose(server: Server): (drainMs: number) => Promise<{ cut: number }> {
  const pending = new Set<ServerResponse>();
  let draining = false;
  server.prependListener('request', (_request, response) => {
    if (draining) response.shouldKeepAlive = false;
    pending.add(response);
    response.once('close', () => pending.delete(response));
  });
  return async (drainMs) => {
    draining = true;
    for (const response of pending) if (!response.headersSent) response.shouldKeepAlive = false;
    // Node's own close() would cut the idle connections at once, and a client that has just
    // sent its next request on one would see a reset; a request that comes within the grace is
    // answered instead, and its connection closed after the answer.
    const closed = new Promise<'closed'>((resolve) => {
      NetServer.prototype.close.call(server, () => {
        resolve('closed');
      });
    });
    const grace = setTimeout(
      () => {
        server.closeIdleConnections();
      },
      Math.min(IDLE_GRACE_MS, drainMs),
    );
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => {
        resolve('expired');
      }, drainMs);
    });
    const outcome = await Promise.race([closed, expired]);
    clearTimeout(timer);
    clearTimeout(grace);
    if (outcome === 'closed') return { cut: 0 };
    const cut = pending.size;
    server.closeAllConnections();
    await closed;
    return { cut };
  };
}
