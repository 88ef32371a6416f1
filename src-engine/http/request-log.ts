import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** A caller's request id is kept only when it is a plain token of sane length. */
const SANE_REQUEST_ID = /^[\w.-]{1,64}$/;

/** The longest user agent logged; a longer one is cut. */
export const USER_AGENT_LOG_LENGTH = 200;

/**
 * A request id per request (taken from X-Request-Id when the caller sends a sane one), echoed
 * back, and one structured log line when the answer is sent. Only method, path, status, timing
 * and the caller's user agent are logged: never other headers, query strings or bodies, which
 * carry keys and passwords.
 */
export function requestLog(log: Logger): RequestHandler {
  return (request, response, next) => {
    const offered = request.get('x-request-id');
    const id = offered !== undefined && SANE_REQUEST_ID.test(offered) ? offered : randomUUID();
    response.setHeader('X-Request-Id', id);
    const userAgent = loggableUserAgent(request.get('user-agent'));
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        {
          requestId: id,
          method: request.method,
          path: request.path,
          status: response.statusCode,
          ms: Math.round(ms * 10) / 10,
          ...(userAgent === null ? {} : { userAgent }),
        },
        'request',
      );
    });
    next();
  };
}

/** The user agent as one printable line of bounded length, or null when there is none. */
function loggableUserAgent(value: string | undefined): string | null {
  if (value === undefined) return null;
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const printable = value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return printable === '' ? null : printable.slice(0, USER_AGENT_LOG_LENGTH);
}
