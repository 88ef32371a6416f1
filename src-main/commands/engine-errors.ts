import type { EngineErrand, TillError } from '../../src-shared/till';
import type { EngineFailure } from '../engine-client';
import { tillError } from './till-error-words';

export type { EngineErrand } from '../../src-shared/till';

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
      return tillError('engine_unreachable', 'engine_unreachable_for', { errand });
    case 'unauthorized':
      return { code: 'forbidden', message: failure.message };
    case 'rejected': {
      const params = { errand, description: sentence(failure.description) };
      switch (failure.reason) {
        case 'forbidden':
          return tillError('forbidden', 'engine_forbids', params);
        case 'not_found':
          return tillError('not_found', 'engine_refused', params);
        case 'refused':
        case 'session':
        case 'retryable':
          return tillError('engine_rejected', 'engine_refused', params);
      }
    }
  }
}
