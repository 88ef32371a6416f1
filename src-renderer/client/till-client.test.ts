import { describe, expect, it, vi } from 'vitest';
import type { StatusView, TillCommandName } from '../../src-shared/till';
import { takeLaunchToken } from './launch-token';
import { createTillClient } from './till-client';
import { httpCall, preloadCall, type PreloadTill } from './transports';

const status: StatusView = {
  online: true,
  engineUrl: 'http://127.0.0.1:8400',
  chainId: 1,
  storeCode: 'S001',
  terminalId: '01',
  salesWaiting: 2,
  honourCacheUpdatedAt: null,
  conflictsOpen: 0,
  language: 'nl',
  locale: 'nl-NL',
  currency: 'EUR',
  trainingMode: false,
  receiptPaper: '80mm',
  tender: {
    hostTakesPayment: false,
    methods: [{ id: 'cash', kind: 'cash', name: null }],
    cashStep: null,
  },
};

function answering(body: unknown) {
  return vi.fn<typeof fetch>(() => Promise.resolve(Response.json(body)));
}

describe('the HTTP transport', () => {
  it('posts the command to /api/<command> with the launch token, and checks the answer', async () => {
    const fetchImpl = answering({ ok: true, value: status });
    const client = createTillClient(httpCall('the-launch-token-1234', fetchImpl));

    await expect(client['status/get']({})).resolves.toEqual({ ok: true, value: status });
    const call = fetchImpl.mock.calls[0];
    expect(call?.[0]).toBe('/api/status/get');
    expect(call?.[1]).toMatchObject({
      method: 'POST',
      headers: {
        authorization: 'Bearer the-launch-token-1234',
        'content-type': 'application/json',
      },
      body: '{}',
    });
  });

  it('passes a refusal through as it came', async () => {
    const error = { code: 'not_signed_in', message: 'A manager must sign in first.' };
    const client = createTillClient(httpCall('t', answering({ ok: false, error })));
    await expect(client['manager/locked-vouchers']({})).resolves.toEqual({ ok: false, error });
  });

  it('turns an answer that does not fit the command into an error, not a crash', async () => {
    const client = createTillClient(
      httpCall('t', answering({ ok: true, value: { ...status, salesWaiting: 'two' } })),
    );
    await expect(client['status/get']({})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'The till gave an unexpected answer to status/get.' },
    });
  });

  it('says the till is not answering when the request fails', async () => {
    const fetchImpl = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('Failed to fetch')));
    const client = createTillClient(httpCall('t', fetchImpl));
    await expect(client['sale/current']({})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'The till is not answering.' },
    });
  });
});

/** A preload whose every command goes to `answer`, as the Electron preload's would go to main. */
function preloadOf(
  answer: (name: TillCommandName, input: unknown) => Promise<unknown>,
): PreloadTill {
  const command = (name: TillCommandName) => (input: unknown) => answer(name, input);
  return {
    'sale/current': command('sale/current'),
    'sale/start': command('sale/start'),
    'sale/scan': command('sale/scan'),
    'sale/set-quantity': command('sale/set-quantity'),
    'sale/remove-line': command('sale/remove-line'),
    'sale/remove-voucher': command('sale/remove-voucher'),
    'sale/keep-voucher': command('sale/keep-voucher'),
    'sale/activate-voucher': command('sale/activate-voucher'),
    'sale/set-customer': command('sale/set-customer'),
    'sale/confirm': command('sale/confirm'),
    'sale/void': command('sale/void'),
    'catalogue/search': command('catalogue/search'),
    'return/recent': command('return/recent'),
    'return/find': command('return/find'),
    'return/add': command('return/add'),
    'receipt/get': command('receipt/get'),
    'receipt/collect': command('receipt/collect'),
    'receipt/search': command('receipt/search'),
    'manager/sign-in': command('manager/sign-in'),
    'manager/sign-out': command('manager/sign-out'),
    'manager/locked-vouchers': command('manager/locked-vouchers'),
    'manager/unlock-voucher': command('manager/unlock-voucher'),
    'manager/unlock-basket': command('manager/unlock-basket'),
    'manager/audit-log': command('manager/audit-log'),
    'manager/conflicts': command('manager/conflicts'),
    'manager/acknowledge-conflict': command('manager/acknowledge-conflict'),
    'manager/reward-pools': command('manager/reward-pools'),
    'status/get': command('status/get'),
    'diagnostics/run': command('diagnostics/run'),
  };
}

describe('the IPC transport', () => {
  it('calls the preload function of the command and checks its answer', async () => {
    const answer = vi.fn<(name: TillCommandName, input: unknown) => Promise<unknown>>((name) =>
      Promise.resolve(name === 'status/get' ? { ok: true, value: status } : null),
    );
    const client = createTillClient(preloadCall(preloadOf(answer)));

    await expect(client['status/get']({})).resolves.toEqual({ ok: true, value: status });
    expect(answer).toHaveBeenCalledWith('status/get', {});
    await expect(client['sale/current']({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('the launch token', () => {
  function places(href: string) {
    const stored = new Map<string, string>();
    const replaced: string[] = [];
    return {
      replaced,
      places: {
        location: { href },
        storage: {
          getItem: (key: string) => stored.get(key) ?? null,
          setItem: (key: string, value: string) => {
            stored.set(key, value);
          },
        },
        history: {
          state: null,
          replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => {
            replaced.push(String(url));
          },
        },
      },
    };
  }

  it('is read from the address once, kept, and taken out of the address bar', () => {
    const first = places('http://127.0.0.1:8410/?token=abc123abc123abc123&x=1#top');
    expect(takeLaunchToken(first.places)).toBe('abc123abc123abc123');
    expect(first.replaced).toEqual(['/?x=1#top']);

    const reload = { ...first.places, location: { href: 'http://127.0.0.1:8410/?x=1#top' } };
    expect(takeLaunchToken(reload)).toBe('abc123abc123abc123');
  });

  it('is null when there is none', () => {
    expect(takeLaunchToken(places('http://127.0.0.1:8410/').places)).toBeNull();
  });
});
