import { describe, expect, it } from 'vitest';
import { toEngineWarning } from '../engine-client/decode';
import type { EngineBasket } from '../engine-client';
import { enginePricing } from '../sale/engine-pricing';

const EMPTY: EngineBasket = { lines: [], vouchers: [], totals: { gross: 0, discount: 0, net: 0 } };
const KEY = 'a'.repeat(64);

describe('the engine pricing, as the cashier is told it', () => {
  it('names the till and the time a voucher held elsewhere is free again', () => {
    const held = toEngineWarning({
      code: 1309,
      name: 'voucher_locked',
      description: 'held',
      message: {
        key: KEY,
        voucher_code: 'DEMO-5EUR',
        locked_until: '2026-11-23 14:05:00',
        locked_basket_code: 'S001-02-20261123-0007',
      },
    });
    const [refused] = enginePricing(EMPTY, [held], ['demo-5eur']).rejected;
    expect(refused).toMatchObject({
      ref: 'DEMO-5EUR',
      reason: 'voucher_locked',
      words: 'voucher_locked',
      scanned: true,
      params: {
        voucherCode: 'DEMO-5EUR',
        basketCode: 'S001-02-20261123-0007',
        storeCode: 'S001',
        terminalId: '02',
        until: refused?.lockedUntil,
      },
    });
    expect(refused?.lockedUntil).toMatch(/^2026-11-23T/);
  });

  it('says of a voucher the engine offered on its own that the cashier did not scan it', () => {
    const expired = toEngineWarning({
      code: 1304,
      name: 'voucher_expired',
      description: 'expired',
      message: { key: KEY },
    });
    const [refused] = enginePricing(EMPTY, [expired], ['DEMO-5EUR']).rejected;
    expect(refused).toMatchObject({ ref: KEY, scanned: false, params: { voucherCode: KEY } });
  });

  it('keeps a warning it does not know as engine_warning, with its name and words', () => {
    const odd = toEngineWarning({ code: 1999, name: 'moon_phase', description: 'Full moon.' });
    expect(enginePricing(EMPTY, [odd]).notices).toEqual([
      {
        code: 'engine_warning',
        message: 'Full moon.',
        params: { name: 'moon_phase', description: 'Full moon.' },
      },
    ]);
  });

  it('says a known warning about the sale by its code, naming the line', () => {
    const unmatched = toEngineWarning({
      code: 1201,
      name: 'original_basket_item_not_found',
      description: 'not matched',
      message: { key: 'line-2' },
    });
    expect(enginePricing(EMPTY, [unmatched]).notices).toEqual([
      {
        code: 'original_basket_item_not_found',
        message: 'not matched',
        params: { lineId: 'line-2' },
      },
    ]);
  });
});
