/**
 * What an engine, or what stands in front of it, answers when it is not well: the faults the
 * HTTP proxy (http-proxy.ts) plays between a till and the engine. `reachesEngine` says whether
 * the engine still gets the request (and may do its work, lock vouchers, store a basket) while
 * the till hears something else.
 */
export type HttpFault =
  /** A load balancer with no engine behind it: nginx's HTML page. */
  | { readonly kind: 'bad-gateway' }
  /** A 500, as a bare text or as the engine's own error envelope. */
  | { readonly kind: 'server-error'; readonly envelope: boolean }
  /** The engine's work is done, and its answer is JSON cut in the middle. */
  | { readonly kind: 'malformed-json' }
  /** The engine's work is done, and its answer is a 200 of a shape no call expects. */
  | { readonly kind: 'wrong-shape' }
  /** The engine's answer, `ms` late. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** The request is read and never answered; the engine never sees it. */
  | { readonly kind: 'black-hole' }
  /** A 307 to another address (which a client must not follow with the session key). */
  | { readonly kind: 'redirect'; readonly to: string }
  /**
   * An engine that refuses every basket naming a loyalty card (`user`) with 404
   * `member_not_found`, sent with the card or not; a basket without one reaches the engine.
   */
  | { readonly kind: 'refuse-card' };

export const BAD_GATEWAY_PAGE = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.24.0</center>
</body>
</html>
`;

/** A fixed answer the proxy sends in the engine's place. */
export interface CannedAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly location?: string;
}

export function reachesEngine(fault: HttpFault): boolean {
  return fault.kind === 'malformed-json' || fault.kind === 'wrong-shape' || fault.kind === 'delay';
}

/** The answer the till hears to `path` instead of the engine's; null: the engine's own (late) or none at all. */
export function cannedAnswer(fault: HttpFault, path: string): CannedAnswer | null {
  switch (fault.kind) {
    case 'redirect':
      return { status: 307, contentType: 'text/plain', body: '', location: `${fault.to}${path}` };
    case 'bad-gateway':
      return { status: 502, contentType: 'text/html', body: BAD_GATEWAY_PAGE };
    case 'server-error':
      return fault.envelope
        ? {
            status: 500,
            contentType: 'application/json; charset=utf-8',
            body: JSON.stringify({
              result: { code: 2, status: 'error' },
              error: {
                code: 1999,
                name: 'internal_error',
                description: 'the engine failed to answer; the fault is logged',
              },
            }),
          }
        : { status: 500, contentType: 'text/plain', body: 'Internal Server Error' };
    case 'malformed-json':
      return {
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: '{"result":{"code":1,"status":"ok"},"results":{"basket":{"id":',
      };
    case 'wrong-shape':
      return {
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ result: { code: 1, status: 'ok' }, results: { surprise: [1, 2] } }),
      };
    case 'refuse-card':
      return {
        status: 404,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({
          result: { code: 2, status: 'error' },
          error: { code: 1010, name: 'member_not_found', description: 'no member in this chain' },
        }),
      };
    case 'delay':
    case 'black-hole':
      return null;
  }
}

/** Whether `fault` meets a request with this body (a card refusal meets only a basket with a card). */
export function meetsBody(fault: HttpFault, body: Buffer): boolean {
  if (fault.kind !== 'refuse-card') return true;
  try {
    const json: unknown = JSON.parse(body.toString('utf8'));
    return typeof json === 'object' && json !== null && 'user' in json;
  } catch {
    return false;
  }
}

/** How the fault is named in a test's title and figures. */
export function describeFault(fault: HttpFault): string {
  switch (fault.kind) {
    case 'bad-gateway':
      return '502 HTML page';
    case 'server-error':
      return fault.envelope ? '500 with an error envelope' : '500 plain';
    case 'malformed-json':
      return 'malformed JSON';
    case 'wrong-shape':
      return '200 of the wrong shape';
    case 'delay':
      return `${fault.ms / 1000} s delay`;
    case 'black-hole':
      return 'black hole';
    case 'redirect':
      return `307 to ${fault.to}`;
    case 'refuse-card':
      return 'a refused loyalty card';
  }
}
