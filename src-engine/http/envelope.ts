import type { Response } from 'express';
import type { SpaazaWarning } from '../../src-shared/wire';
import type { EngineError } from './errors';
import type { Face } from './face';

/** Spaaza's success envelope. */
export function okEnvelope(results: unknown, warnings: readonly SpaazaWarning[] = []) {
  return {
    result: { code: 1, status: 'ok' },
    results,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

export function sendOk(
  response: Response,
  results: unknown,
  warnings: readonly SpaazaWarning[] = [],
): void {
  response.status(200).json(okEnvelope(results, warnings));
}

/** How long a caller of an engine that cannot reach its storage is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * Spaaza's envelope, or on the WLL face (docs/wll-face.md, "Envelope") `{status: "error", error: {code, message}}`.
 * A 503 or 429 says when to try again.
 */
export function sendError(response: Response, error: EngineError, face: Face): void {
  const retryAfter = error.retryAfterSeconds ?? (error.status === 503 ? RETRY_AFTER_SECONDS : null);
  if (retryAfter !== null) response.setHeader('Retry-After', String(retryAfter));
  if (face === 'wll') {
    response.status(error.status).json({
      status: 'error',
      error: { code: error.errorName.toUpperCase(), message: error.message },
    });
    return;
  }
  response.status(error.status).json({
    result: { code: 2, status: 'error' },
    error: { code: error.code, name: error.errorName, description: error.message },
  });
}

/** The WLL face's success wrapper (docs/wll-face.md, "Envelope"). */
export function sendWll(response: Response, data: unknown, status = 200): void {
  response.status(status).json({ status: 'success', data });
}
