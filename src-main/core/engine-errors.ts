import type { EngineFailure, EngineWarning } from '../engine-client';
import type { TillError } from '../../src-shared/till';
import type { SpaazaWarning } from '../../src-shared/wire';
import { toSpaazaDateTime } from '../../src-shared/wire';

/** An engine failure as the cashier or manager reads it. */
export function tillErrorOf(failure: EngineFailure): TillError {
  switch (failure.kind) {
    case 'unreachable':
      return { code: 'engine_unreachable', message: failure.message };
    case 'unauthorized':
      return { code: 'forbidden', message: failure.message };
    case 'invalid_response':
      return { code: 'engine_rejected', message: failure.message };
    case 'rejected':
      if (failure.httpStatus === 401 || failure.httpStatus === 403)
        return { code: 'forbidden', message: `The engine refused: ${failure.description}` };
      if (failure.httpStatus === 404)
        return { code: 'not_found', message: `The engine says: ${failure.description}` };
      return { code: 'engine_rejected', message: `The engine refused: ${failure.description}` };
  }
}

/**
 * The engine client hands warnings over already decoded; the sale view reads them in their
 * wire form, so they are put back into it (the reason name and the lock time survive).
 */
export function wireWarningOf(warning: EngineWarning): SpaazaWarning {
  const key = warning.voucherKey ?? warning.subject;
  return {
    code: 0,
    name: warning.name,
    description: warning.message,
    message: {
      ...(key === undefined ? {} : { key }),
      ...(warning.voucherCode === undefined ? {} : { voucher_code: warning.voucherCode }),
      ...(warning.lockedUntil === undefined
        ? {}
        : { locked_until: toSpaazaDateTime(warning.lockedUntil) }),
    },
  };
}
