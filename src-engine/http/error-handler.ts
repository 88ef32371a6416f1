import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { faultLog } from '../db/storage-fault-log';
import { sendError } from './envelope';
import { EngineError } from './errors';
import { faceOf } from './face';

function bodyParserFailure(error: unknown): EngineError | null {
  if (typeof error !== 'object' || error === null || !('type' in error)) return null;
  switch (error.type) {
    case 'entity.too.large':
      return new EngineError(
        'body_too_large',
        'the request body is larger than the engine accepts',
      );
    case 'entity.parse.failed':
      return new EngineError('malformed_body', 'the request body is not valid JSON');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new EngineError(
        'unsupported_media_type',
        'the request body uses an unsupported encoding',
      );
    default:
      return null;
  }
}

/**
 * The one place errors become answers: refusals as their envelope, storage that fails as a 503
 * (its cause logged once, not per request), other faults as a logged 500.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  const faults = faultLog(log);
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const known = error instanceof EngineError ? error : bodyParserFailure(error);
    const face = faceOf(response);
    if (known) {
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
