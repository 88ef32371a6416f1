import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardTo } from './http-proxy';

/** What the proxy does to an honour-feed answer on its way to the till. */
export type FeedTamper =
  | { readonly kind: 'none' }
  /** Changes one byte of the body, where `at` says (the body must stay JSON to reach the check). */
  | { readonly kind: 'alter-byte'; readonly at: (body: Buffer) => number }
  /** Drops the signature headers. */
  | { readonly kind: 'strip-signature' };

/**
 * A proxy on loopback between a till and the engine that passes every call through, except
 * that it can tamper with the answers of the honour-voucher feed.
 */
export interface FeedTamperProxy {
  readonly url: string;
  tamper(next: FeedTamper): void;
  /** Feed answers it tampered with so far. */
  tampered(): number;
  stop(): Promise<void>;
}

const FEED_PATH = '/sync/honour-vouchers';

function without(headers: IncomingHttpHeaders, names: readonly string[]): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
}

export async function startFeedTamperProxy(targetUrl: string): Promise<FeedTamperProxy> {
  const target = new URL(targetUrl);
  let mode: FeedTamper = { kind: 'none' };
  let tampered = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const isFeed = (incoming.url ?? '').split('?')[0] === FEED_PATH;
    const upstream = forwardTo(target, incoming, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        let body = Buffer.concat(chunks);
        let headers = answer.headers;
        if (isFeed && answer.statusCode === 200 && mode.kind !== 'none') {
          tampered += 1;
          if (mode.kind === 'strip-signature')
            headers = without(headers, ['x-feed-signature', 'x-feed-key-id']);
          else {
            body = Buffer.from(body);
            const at = mode.at(body);
            body[at] = (body[at] ?? 0) ^ 0x01;
          }
        }
        outgoing.writeHead(answer.statusCode ?? 502, {
          ...without(headers, ['transfer-encoding']),
          'content-length': String(body.length),
        });
        outgoing.end(body);
      });
    });
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tamper: (next) => {
      mode = next;
    },
    tampered: () => tampered,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
