import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { gracefulClose } from './graceful-close';

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A server on 127.0.0.1 whose every request waits until the test lets it answer. */
async function holdingServer() {
  const held: (() => void)[] = [];
  const arrivals: (() => void)[] = [];
  const server = createServer((_request, response) => {
    held.push(() => response.end('answered'));
    arrivals.shift()?.();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = gracefulClose(server);
  const { port } = server.address() as AddressInfo;
  return {
    server,
    close,
    /** Sends a request; resolves once the server has received it, with the answer to come. */
    send: async (): Promise<{ answer: Promise<Answer> }> => {
      const arrived = new Promise<void>((resolve) => arrivals.push(resolve));
      const answer = new Promise<Answer>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/' }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => {
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
          });
        })
          .on('error', reject)
          .end();
      });
      answer.catch(() => undefined);
      await arrived;
      return { answer };
    },
    answerAll: () => {
      for (const answer of held.splice(0)) answer();
    },
  };
}

let started: Server | undefined;
afterEach(() => {
  started?.closeAllConnections();
  started?.close();
  started = undefined;
});

describe('gracefulClose', () => {
  it('answers a request already received, with Connection: close, and cuts nothing', async () => {
    const held = await holdingServer();
    started = held.server;
    const { answer } = await held.send();

    const stopped = held.close(5_000);
    held.answerAll();

    expect(await answer).toMatchObject({
      status: 200,
      headers: { connection: 'close' },
      body: 'answered',
    });
    expect(await stopped).toEqual({ cut: 0 });
    expect(held.server.listening).toBe(false);
  });

  it('cuts only what is still open when the drain time is over', async () => {
    const held = await holdingServer();
    started = held.server;
    const { answer } = await held.send();

    expect(await held.close(50)).toEqual({ cut: 1 });
    await expect(answer).rejects.toThrow();
    expect(held.server.listening).toBe(false);
  });

  it('stops at once when nothing is open', async () => {
    const held = await holdingServer();
    started = held.server;

    expect(await held.close(30_000)).toEqual({ cut: 0 });
    expect(held.server.listening).toBe(false);
  });
});
