import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * A request id per request (taken from X-Request-Id when the caller sends a sane one), echoed
 * back, and one structured log line when the answer is sent. Only method, path, status and
 * timing are logged: never headers, query strings or bodies, which carry keys and passwords.
 */
export function requestLog(log: Logger): RequestHandler {
  return (request, response, next) => {
    const offered = request.get('x-request-id');
    const id = offered && /^[\w.-]{1,64}$/.test(offered) ? offered : randomUUID();
    response.setHeader('X-Request-Id', id);
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
        },
        'request',
      );
    });
    next();
  };
}
