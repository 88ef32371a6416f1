import type { Response } from 'express';
import type { SpaazaWarning } from '../../src-shared/wire';
import type { EngineError } from './errors';

export function sendOk(
  response: Response,
  results: unknown,
  warnings: readonly SpaazaWarning[] = [],
): void {
  response.status(200).json({
    result: { code: 1, status: 'ok' },
    results,
    ...(warnings.length > 0 ? { warnings } : {}),
  });
}

export function sendError(response: Response, error: EngineError): void {
  response.status(error.status).json({
    result: { code: 2, status: 'error' },
    error: { code: error.code, name: error.errorName, description: error.message },
  });
}
