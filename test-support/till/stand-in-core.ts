import { TILL_COMMAND_NAMES, type TillHandlers } from '../../src-shared/till';
import { DEMO_STATUS } from '../shared/till-status';

export const status = DEMO_STATUS;

/** A stand-in for the till core (built in its own module): status answers, the rest say not found, scan records its input. */
export function standInCore(seen: unknown[]): TillHandlers {
  const notFound = () =>
    Promise.resolve({
      ok: false as const,
      error: { code: 'not_found' as const, message: 'not in this stand-in' },
    });
  const entries = TILL_COMMAND_NAMES.map((name) => [name, notFound]);
  const handlers = Object.fromEntries(entries) as unknown as TillHandlers; // every name is present, by construction
  return {
    ...handlers,
    'status/get': () => Promise.resolve({ ok: true, value: status }),
    'sale/scan': (input) => {
      seen.push(input);
      return Promise.reject(new Error('boom'));
    },
  };
}
