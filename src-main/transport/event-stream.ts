import type { Request, Response } from 'express';
import type { TillEventSubscribe } from '../../src-shared/till';

/** A comment line this often keeps an idle stream from being taken for a dead one. */
export const KEEP_ALIVE_MS = 15_000;

/** The screens' open event streams, so that a stop can end them before it drains the rest. */
export interface EventStreams {
  /** `GET /api/events`: Server-Sent Events, one `data:` line of JSON per till event. */
  handle(request: Request, response: Response): void;
  endAll(): void;
}

export function eventStreams(subscribe: TillEventSubscribe): EventStreams {
  const open = new Set<Response>();
  return {
    handle: (request, response) => {
      response.status(200).set({
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
      });
      response.flushHeaders();
      // tells the screen the stream is up: it asks for what it shows once, then follows the events
      response.write(': connected\n\n');
      open.add(response);
      const unsubscribe = subscribe((event) => {
        response.write(`data: ${JSON.stringify(event)}\n\n`);
      });
      const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      request.once('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
        open.delete(response);
      });
    },
    endAll: () => {
      for (const response of open) response.end();
    },
  };
}
