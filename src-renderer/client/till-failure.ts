import type { TillError, TillErrorCode, TillResult } from '../../src-shared/till';

/** A till command that answered `{ ok: false }`, thrown so react-query sees it as the query's error. */
export class TillFailure extends Error {
  readonly code: TillErrorCode;

  constructor(error: TillError) {
    super(error.message);
    this.name = 'TillFailure';
    this.code = error.code;
  }
}

/** What a call becomes when the till core cannot be reached at all (network, IPC or a bad answer). */
export const TILL_NOT_ANSWERING: TillError = {
  code: 'internal',
  message: 'The till is not answering.',
};

/** The value of a successful result; a refusal is thrown as a {@link TillFailure}. */
export function valueOf<T>(result: TillResult<T>): T {
  if (result.ok) return result.value;
  throw new TillFailure(result.error);
}

/** The till's error code of anything a query or mutation failed with (`internal` for bugs). */
export function failureCode(error: unknown): TillErrorCode {
  return error instanceof TillFailure ? error.code : 'internal';
}

/** Words for the cashier: a till refusal is already plain words; anything else is a fault. */
export function failureMessage(error: unknown): string {
  if (error instanceof TillFailure) return error.message;
  return 'Something went wrong in the till screen. Try again; if it keeps happening, call IT.';
}
