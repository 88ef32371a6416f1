import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { faultLog } from '../db/storage-fault-log';
import { sendError } from './envelope';
import type { AttemptLimits } from '../domain/attempt-limits';
import { callerOf } from './caller';
import { EngineError, type ErrorName } from './errors';
import { faceOf } from './face';
import { MAX_FORM_PARAMETERS } from './limits';

/** What a failure of express's body parsers (or of the decompression they run) says to the caller. */
function bodyParserFailure(error: unknown, request: Request): EngineError | null {
  if (typeof error !== 'object' || error === null) return null;
  const type = 'type' in error ? error.type : undefined;
  switch (type) {
    case 'entity.too.large':
      return new EngineError(
        'body_too_large',
        'the request body is larger than the engine accepts',
      );
    case 'parameters.too.many':
      return new EngineError(
        'body_too_large',
        `the form body has more than ${MAX_FORM_PARAMETERS} parameters, the most the engine accepts`,
      );
    case 'entity.parse.failed':
      return new EngineError('malformed_body', 'the request body is not valid JSON');
    case 'request.size.invalid':
      return new EngineError(
        'malformed_body',
        'the request body is not as long as its Content-Length',
      );
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new EngineError(
        'unsupported_media_type',
        'the request body uses an unsupported encoding',
      );
    default:
      return isDecompressionError(error)
        ? new EngineError(
            'malformed_body',
            `the request body is not valid ${(request.get('content-encoding') ?? 'compressed').slice(0, 40)} data`,
          )
        : null;
  }
}

/** zlib's failures (gzip, deflate, br) carry a code such as Z_DATA_ERROR or ERR__ERROR_FORMAT_PADDING_1. */
function isDecompressionError(error: object): boolean {
  return (
    'code' in error &&
    typeof error.code === 'string' &&
    /^(Z_|ERR__|ERR_BROTLI|ERR_ZLIB)/.test(error.code)
  );
}

/** The client closed the connection before its body arrived: nobody is left to answer. */
function clientWentAway(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    error.type === 'request.aborted'
  );
}

/** Refusals that say the caller named something that does not exist: they count as guesses. */
const MISSES: ReadonlySet<ErrorName> = new Set([
  'voucher_not_found',
  'benefit_not_found',
  'member_not_found',
]);

/**
 * The one place errors become answers: refusals as their envelope, storage that fails as a 503
 * (its cause logged once, not per request), other faults as a logged 500.
 */
export function errorHandler(log: Logger, limits: AttemptLimits): ErrorRequestHandler {
  const faults = faultLog(log);
  return async (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    if (clientWentAway(error)) {
      log.debug({ method: request.method, path: request.path }, 'client went away');
      return;
    }
    const known = error instanceof EngineError ? error : bodyParserFailure(error, request);
    const face = faceOf(response);
    if (known) {
      const caller = callerOf(request);
      if (caller && MISSES.has(known.errorName)) await limits.missed(caller);
      sendError(response, known, face);
      return;
    }
    const fault = faults.failed(
      error,
      { method: request.method, path: request.path },
      'unhandled error',
    );
    sendError(
      response,
      fault
        ? new EngineError(
            'storage_unavailable',
            'the engine cannot use its database just now; try again shortly',
          )
        : new EngineError('internal_error', 'the engine failed to answer; the fault is logged'),
      face,
    );
  };
}

/** A call no route answers; `originalUrl`, since a face's group sees paths below its prefix. */
export const notFound: RequestHandler = (request, response) => {
  const path = request.originalUrl.split('?')[0] ?? '';
  sendError(
    response,
    new EngineError('not_found', `no such call: ${request.method} ${path}`),
    faceOf(response),
  );
};
