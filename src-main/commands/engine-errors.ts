import type { TillError } from '../../src-shared/till';
import type { EngineFailure } from '../engine-client';

/** What the till asked the engine for, as the cashier or manager names it. */
export type EngineErrand =
  | 'the sale'
  | 'the sign-in'
  | 'the list of locked vouchers'
  | 'the unlock'
  | 'the list of reward pools'
  | 'the list of sync conflicts'
  | 'the acknowledgement';

/** The engine's own words as the end of a sentence. */
const sentence = (words: string) =>
  /[.!?]$/.test(words.trim()) ? words.trim() : `${words.trim()}.`;

/**
 * An engine failure as the cashier or manager reads it: the one place its words are chosen,
 * saying what happened and what to do, once.
 */
export function tillErrorOf(failure: EngineFailure, errand: EngineErrand): TillError {
  switch (failure.kind) {
    case 'unavailable':
      return {
        code: 'engine_unreachable',
        message: `The voucher engine cannot be reached just now; try ${errand} again in a moment.`,
      };
    case 'unauthorized':
      return { code: 'forbidden', message: failure.message };
    case 'rejected': {
      const why = sentence(failure.description);
      switch (failure.reason) {
        case 'forbidden':
          return {
            code: 'forbidden',
            message: `The voucher engine does not allow ${errand}: ${why}`,
          };
        case 'not_found':
          return { code: 'not_found', message: `The voucher engine refused ${errand}: ${why}` };
        case 'refused':
        case 'session':
        case 'retryable':
          return {
            code: 'engine_rejected',
            message: `The voucher engine refused ${errand}: ${why}`,
          };
      }
    }
  }
}
