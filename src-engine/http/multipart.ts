import type { Request, RequestHandler } from 'express';
import multer, { MulterError } from 'multer';
import { EngineError, invalidParameters } from './errors';
import { BODY_LIMIT, MAX_FIELD_NAME_BYTES, MAX_FORM_PARAMETERS } from './limits';

/*
 * `multipart/form-data` bodies (docs/spaaza-wire.md, "Content types"), as Spaaza's PHP client
 * sends its form calls: text fields only, within the limits of every other body.
 */

const fieldsOnly = multer({
  limits: {
    fields: MAX_FORM_PARAMETERS,
    parts: MAX_FORM_PARAMETERS,
    fieldSize: BODY_LIMIT,
    fieldNameSize: MAX_FIELD_NAME_BYTES,
    fileSize: 0,
  },
}).none();

const TOO_LARGE = `the request body is larger than the engine accepts (${BODY_LIMIT / 1024} kB)`;

/** Parses a multipart body into `request.body`; any other body passes untouched. */
export const multipartBody: RequestHandler = (request, response, next) => {
  if (!request.is('multipart/form-data')) {
    next();
    return;
  }
  const encoding = request.get('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    next(new EngineError('unsupported_media_type', 'a multipart body cannot be compressed'));
    return;
  }
  if (Number(request.get('content-length') ?? 0) > BODY_LIMIT) {
    next(new EngineError('body_too_large', TOO_LARGE));
    return;
  }
  let done = false;
  const finish = (error?: unknown) => {
    if (done) return;
    done = true;
    next(error === undefined ? undefined : multipartFailure(error));
  };
  watchSize(request, () => {
    finish(new EngineError('body_too_large', TOO_LARGE));
  });
  fieldsOnly(request, response, finish);
};

/** Counts what arrives of a body sent without a length, and stops reading it beyond the limit. */
function watchSize(request: Request, tooLarge: () => void): void {
  let received = 0;
  const count = (chunk: Buffer) => {
    received += chunk.length;
    if (received <= BODY_LIMIT) return;
    request.off('data', count);
    request.unpipe();
    request.resume();
    tooLarge();
  };
  request.on('data', count);
}

/** What a failed multipart parse says to the caller: a file or a limit names the problem. */
function multipartFailure(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  if (!(error instanceof MulterError)) {
    return new EngineError('malformed_body', 'the request body is not valid multipart/form-data');
  }
  switch (error.code) {
    case 'LIMIT_UNEXPECTED_FILE':
    case 'LIMIT_FILE_COUNT':
    case 'LIMIT_FILE_SIZE':
      return invalidParameters([
        { path: error.field ?? '(the body)', message: 'is a file; send text fields only' },
      ]);
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_PART_COUNT':
      return new EngineError(
        'body_too_large',
        `the form body has more than ${MAX_FORM_PARAMETERS} parameters, the most the engine accepts`,
      );
    case 'LIMIT_FIELD_VALUE':
      return new EngineError('body_too_large', TOO_LARGE);
    case 'LIMIT_FIELD_KEY':
      return invalidParameters([
        {
          path: '(the body)',
          message: `has a field name longer than ${MAX_FIELD_NAME_BYTES} bytes`,
        },
      ]);
    case 'MISSING_FIELD_NAME':
      return invalidParameters([{ path: '(the body)', message: 'has a field without a name' }]);
  }
  // codes newer than the typings (nesting and index limits, a destroyed stream)
  return new EngineError('malformed_body', `the multipart body is not usable: ${error.message}`);
}
