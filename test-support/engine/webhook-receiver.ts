import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook receiver for the engine's tests: a real HTTP server that records what it gets. */

export interface Received {
  /** The Standard Webhooks id (webhook-id): the event's id. */
  readonly id: string;
  /** The three Standard Webhooks headers as they came, for `new Webhook(secret).verify`. */
  readonly headers: Record<string, string>;
  readonly body: string;
  /** When the request's body had arrived (Date.now()). */
  readonly at: number;
}

/**
 * What a receiver answers to its n-th request (0-based): a status, a status once a promise
 * settles, a redirect, a 200 whose body never ends, or no answer at all.
 */
export type Reply =
  | number
  | { status: number; after: Promise<unknown> }
  | { redirect: number; location: string }
  | 'endless'
  | 'never';
export type Responder = (n: number) => Reply;

export interface Receiver {
  readonly url: string;
  readonly port: number;
  readonly received: Received[];
  /** Answers the engine hung up on before they were complete. */
  readonly cutOff: () => number;
  close(): Promise<void>;
}

/** Writes a body for as long as the client takes it. */
function streamEndlessly(response: ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const pump = () => {
    while (!response.destroyed && response.write(chunk));
  };
  response.writeHead(200, { 'content-type': 'application/octet-stream' });
  response.on('drain', pump);
  pump();
}

/** A real HTTP server on a free loopback port that records each request. */
export async function startReceiver(respond: Responder = () => 204): Promise<Receiver> {
  const received: Received[] = [];
  let cutOff = 0;
  const server: Server = createServer((request, response) => {
    response.on('close', () => {
      if (!response.writableFinished) cutOff += 1;
    });
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = respond(received.length);
      const header = (name: string) => String(request.headers[name]);
      received.push({
        id: header('webhook-id'),
        headers: Object.fromEntries(
          ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [
            name,
            header(name),
          ]),
        ),
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      if (answer === 'endless') streamEndlessly(response);
      else if (typeof answer === 'number') response.writeHead(answer).end();
      else if (answer === 'never') return;
      else if ('after' in answer)
        void answer.after.then(() => response.writeHead(answer.status).end());
      else response.writeHead(answer.redirect, { location: answer.location }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    cutOff: () => cutOff,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
