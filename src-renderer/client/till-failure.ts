import type {
  MessageParams,
  TillError,
  TillErrorCode,
  TillErrorWords,
  TillResult,
} from '../../src-shared/till';

/**
 * A till command that answered `{ ok: false }`, thrown so react-query sees it as the query's
 * error. Its `words` and `params`, when the till core sent them, say its specific sentence.
 */
export class TillFailure extends Error {
  readonly code: TillErrorCode;
  readonly words: TillErrorWords | undefined;
  readonly params: MessageParams;

  constructor(error: TillError) {
    super(error.message);
    this.name = 'TillFailure';
    this.code = error.code;
    this.words = error.words;
    this.params = error.params ?? {};
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
