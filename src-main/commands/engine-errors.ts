import type { EngineFailure } from '../engine-client';
import type { TillError } from '../../src-shared/till';

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
