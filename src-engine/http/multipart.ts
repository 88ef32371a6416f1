import type { RequestHandler } from 'express';
import multer from 'multer';
import { EngineError } from './errors';
import { inputGuard } from './input-guard';
import { MAX_FORM_PARAMETERS } from './limits';

/** The longest text field a multipart body may carry: no call's field needs more. */
const MAX_MULTIPART_FIELD_BYTES = 2048;

const textFieldsOnly = multer({
  limits: {
    fields: MAX_FORM_PARAMETERS,
    fieldSize: MAX_MULTIPART_FIELD_BYTES,
    fieldNameSize: 100,
    files: 0,
  },
}).none();

const TOO_LARGE = new Set([
  'LIMIT_FIELD_COUNT',
  'LIMIT_FIELD_VALUE',
  'LIMIT_FIELD_KEY',
  'LIMIT_PART_COUNT',
]);

/** What multer's (or busboy's) failure says to the caller: never a fault of the engine. */
function multipartFailure(error: unknown): EngineError {
  if (error instanceof multer.MulterError) {
    if (TOO_LARGE.has(error.code))
      return new EngineError(
        'body_too_large',
        `the multipart body is beyond the engine's limits (${String(MAX_FORM_PARAMETERS)} fields of at most ${String(MAX_MULTIPART_FIELD_BYTES)} bytes)`,
      );
    return new EngineError('malformed_body', 'the multipart body may carry text fields only');
  }
  return new EngineError('malformed_body', 'the request body is not valid multipart/form-data');
}

/**
 * Reads a multipart/form-data body's text fields into the request body, then checks them as
 * every other body is checked; any other body passes untouched. Files are refused.
 */
export const multipartFields: RequestHandler[] = [
  (request, response, next) => {
    if (!request.is('multipart/form-data')) {
      next();
      return;
    }
    textFieldsOnly(request, response, (error: unknown) => {
      next(error === undefined || error === null ? undefined : multipartFailure(error));
    });
  },
  inputGuard,
];
