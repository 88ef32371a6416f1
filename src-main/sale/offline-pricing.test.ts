import { describe, expect, it } from 'vitest';
import {
  T0,
  fixedVoucher,
  honourVoucher,
  percentVoucher,
} from '../../test-support/shared/vouchers';
import { offlineSaleView, type OfflinePolicy, type OfflinePricingInput } from './offline-pricing';
import { addItem, addVoucherCode, newSale } from './sale-state';

const context = { currency: 'EUR', locale: 'en-GB', now: T0 };
const sale = addItem(newSale('S001-01-20261123-0001', 'S001-01-20261123-0001'), {
  barcode: '8712345000165',
  name: 'Coffee beans',
  unitPrice: 2000,
  excluded: false,
});
const REFUSE: OfflinePolicy = {
  valueVouchersAllowed: false,
  perSaleCapMinor: 0,
  perDayCapMinor: 0,
};
const ALLOW: OfflinePolicy = {
  valueVouchersAllowed: true,
  perSaleCapMinor: 500,
  perDayCapMinor: 800,
};

const input = (overrides: Partial<OfflinePricingInput>): OfflinePricingInput => ({
  sale,
  candidates: [],
  refused: [],
  notices: [],
  policy: REFUSE,
  valueDiscountToday: 0,
  ...overrides,
});

describe('offlineSaleView', () => {
  it('honours a cached honour voucher, prices by the till, and says the engine is away', () => {
    const coffee = honourVoucher('FREE-COFFEE', { code: 'HONOUR-1' });
    const view = offlineSaleView(
      input({
        sale: addVoucherCode(sale, 'HONOUR-1'),
        candidates: [{ voucher: coffee, title: 'Free coffee' }],
      }),
      context,
    );
    expect(view.pricedBy).toBe('local');
    expect(view.applied).toEqual([
      expect.objectContaining({
        code: 'HONOUR-1',
        honourCode: 'FREE-COFFEE',
        title: 'Free coffee',
        discount: 0,
      }),
    ]);
    expect(view.totals).toEqual({ gross: 2000, discount: 0, net: 2000 });
    expect(view.notices[0]?.code).toBe('engine_unreachable');
  });

  it('refuses value vouchers by default', () => {
    const fiver = fixedVoucher(500, { code: 'FIVE' });
    const view = offlineSaleView(input({ candidates: [{ voucher: fiver, title: '€5' }] }), context);
    expect(view.applied).toEqual([]);
    expect(view.rejected.map((r) => [r.ref, r.reason])).toEqual([
      ['FIVE', 'voucher_offline_not_allowed'],
    ]);
  });

  it('drops the last applied value voucher until the discount fits the per-sale cap', () => {
    const pct = percentVoucher(0.1, { code: 'TEN' }); // 200 off 2000
    const fiver = fixedVoucher(500, { code: 'FIVE' });
    const view = offlineSaleView(
      input({
        policy: ALLOW,
        candidates: [
          { voucher: fiver, title: '€5' },
          { voucher: pct, title: '10 %' },
        ],
      }),
      context,
    );
    expect(view.applied.map((a) => [a.code, a.discount])).toEqual([['TEN', 200]]);
    expect(view.rejected.map((r) => [r.ref, r.reason])).toEqual([
      ['FIVE', 'voucher_offline_not_allowed'],
    ]);
    expect(view.notices.map((n) => n.code)).toEqual(['engine_unreachable', 'offline_value_cap']);
    const shares = view.lines.flatMap((line) => line.shares);
    expect(shares.reduce((sum, share) => sum + share.discount, 0)).toBe(view.totals.discount);
  });

  it('counts what the day already used against the per-day cap', () => {
    const fiver = fixedVoucher(500, { code: 'FIVE' });
    const fits = offlineSaleView(
      input({
        policy: ALLOW,
        valueDiscountToday: 300,
        candidates: [{ voucher: fiver, title: '€5' }],
      }),
      context,
    );
    expect(fits.totals.discount).toBe(500);
    const over = offlineSaleView(
      input({
        policy: ALLOW,
        valueDiscountToday: 301,
        candidates: [{ voucher: fiver, title: '€5' }],
      }),
      context,
    );
    expect(over.applied).toEqual([]);
    expect(over.rejected[0]?.message).toContain('left today');
  });

  it('keeps the refusals it was given, and never caps an honour voucher', () => {
    const coffee = honourVoucher('FREE-COFFEE', { code: 'HONOUR-1' });
    const view = offlineSaleView(
      input({
        policy: { ...ALLOW, perSaleCapMinor: 0, perDayCapMinor: 0 },
        candidates: [{ voucher: coffee, title: 'Coffee' }],
        refused: [
          {
            ref: 'X',
            reason: 'voucher_already_redeemed',
            message: 'used',
            lockedUntil: null,
            words: 'voucher_already_redeemed',
            params: {},
            scanned: true,
          },
        ],
      }),
      context,
    );
    expect(view.applied.map((a) => a.code)).toEqual(['HONOUR-1']);
    expect(view.rejected.map((r) => r.ref)).toEqual(['X']);
  });
});
