import { TILL_COMMAND_NAMES, type StatusView, type TillHandlers } from '../../src-shared/till';

export const status: StatusView = {
  online: true,
  engineUrl: 'http://127.0.0.1:8400',
  chainId: 1,
  storeCode: 'S001',
  terminalId: '01',
  salesWaiting: 0,
  honourCacheUpdatedAt: null,
  conflictsOpen: 0,
};

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
