import { describe, expect, it } from 'vitest';
import {
  T0,
  fixedVoucher,
  honourVoucher,
  percentVoucher,
} from '../../test-support/shared/vouchers';
import { priceBasket, unitPriceOf } from './price-basket';
import { rejectionMessage } from './reasons';
import type { BasketLine, PricedBasket } from './types';

const line = (
  id: string,
  unitPrice: number,
  quantity = 1,
  extra: Partial<BasketLine> = {},
): BasketLine => ({
  id,
  quantity,
  unitPrice,
  ...extra,
});

const sharesOf = (priced: PricedBasket, id: string) =>
  priced.lines.find((l) => l.id === id)?.shares.map((s) => s.discount);

describe('line gross', () => {
  it('multiplies fractional quantities exactly and rounds half away from zero once per line', () => {
    const priced = priceBasket(
      [
        line('cheese', 2000, 10.5), // 10.5 kg × €20.00 = €210.00
        line('nuts', 101, 2.5), // 2.5 × €1.01 = €2.525 → €2.53
        line('herbs', 3, 0.5), // 0.5 × €0.03 = €0.015 → €0.02
        line('back', -3, 0.5, { returnItem: true }), // -€0.015 → -€0.02, away from zero
        line('plums', 4791, 1.425), // 1.425 × €47.91 = €68.27175 → €68.27
      ],
      [],
      T0,
    );
    expect(priced.lines.map((l) => l.gross)).toEqual([21000, 253, 2, -2, 6827]);
    expect(priced.totals).toEqual({ gross: 28080, discountable: 28082, discount: 0, net: 28080 });
  });

  it('refuses a quantity the boundary should have stopped', () => {
    expect(() => priceBasket([line('a', 100, 0)], [], T0)).toThrow(/quantity/);
    expect(() => priceBasket([line('a', 100, 0.1 + 0.2)], [], T0)).toThrow(/6 decimals/);
    expect(() => priceBasket([line('a', 100), line('a', 200)], [], T0)).toThrow(/unique/);
  });
});

describe('return and excluded lines', () => {
  it('take no voucher discount', () => {
    const priced = priceBasket(
      [
        line('shirt', 1000),
        line('tobacco', 500, 1, { excluded: true }),
        line('returned', -300, 1, { returnItem: true, excluded: false }),
      ],
      [percentVoucher(0.1)],
      T0,
    );
    // 10 % of the one discountable line (€10.00) = €1.00
    expect(priced.lines.map((l) => [l.id, l.discountable, l.discount, l.net])).toEqual([
      ['shirt', true, 100, 900],
      ['tobacco', false, 0, 500],
      ['returned', false, 0, -300],
    ]);
    expect(priced.totals).toEqual({ gross: 1200, discountable: 1000, discount: 100, net: 1100 });
  });

  it('a negative price without the return flag is a return too', () => {
    const priced = priceBasket([line('a', 1000), line('b', -400)], [fixedVoucher(2000)], T0);
    expect(priced.totals).toEqual({ gross: 600, discountable: 1000, discount: 1000, net: -400 });
  });
});

describe('order: percentage first, then fixed', () => {
  it('applies the percentage to the full total and the fixed amount after it', () => {
    const fiver = fixedVoucher(500, { createdAt: T0 - 10_000 }); // older, but fixed
    const tenPercent = percentVoucher(0.1, { createdAt: T0 - 1_000 });
    const priced = priceBasket([line('a', 1000), line('b', 3000)], [fiver, tenPercent], T0);
    // 10 % of €40.00 = €4.00 → €36.00; then €5.00 → €31.00 (fixed first would give €31.50)
    expect(priced.applied.map((a) => [a.voucher.type, a.discount])).toEqual([
      ['basket_pct', 400],
      ['basket', 500],
    ]);
    expect(priced.totals.net).toBe(3100);
    // shares: 10 % is 100 + 300; the €5.00 over the running 900 : 2700 is 125 + 375
    expect(sharesOf(priced, 'a')).toEqual([100, 125]);
    expect(sharesOf(priced, 'b')).toEqual([300, 375]);
    expect(priced.lines.map((l) => l.net)).toEqual([775, 2325]);
  });

  it('compounds percentages on the running total: 10 % and 10 % make 19 %', () => {
    const priced = priceBasket([line('a', 4000)], [percentVoucher(0.1), percentVoucher(0.1)], T0);
    expect(priced.applied.map((a) => a.discount)).toEqual([400, 360]);
    expect(priced.totals.discount).toBe(760);
  });

  it('never takes more than 100 %', () => {
    const priced = priceBasket(
      [line('a', 999)],
      [percentVoucher(1), percentVoucher(0.5), fixedVoucher(100)],
      T0,
    );
    expect(priced.applied.map((a) => a.discount)).toEqual([999, 0, 0]);
    expect(priced.totals.net).toBe(0);
  });

  it('rounds a percentage half away from zero: 15 % of €10.10 is €1.52', () => {
    const priced = priceBasket([line('a', 1010)], [percentVoucher(0.15)], T0);
    expect(priced.totals.discount).toBe(152);
  });

  it('takes the oldest voucher first within a type', () => {
    const newer = fixedVoucher(2000, { createdAt: T0 - 1_000, code: 'NEWER' });
    const older = fixedVoucher(2000, { createdAt: T0 - 9_000, code: 'OLDER' });
    const priced = priceBasket([line('a', 3000)], [newer, older], T0);
    expect(priced.applied.map((a) => [a.voucher.code, a.discount, a.amountRemaining])).toEqual([
      ['OLDER', 2000, 0],
      ['NEWER', 1000, 1000],
    ]);
  });
});

describe('caps and remainders', () => {
  it('caps a fixed voucher at the running total and reports what is left', () => {
    const priced = priceBasket([line('a', 1200), line('b', 1800)], [fixedVoucher(5000)], T0);
    expect(priced.applied[0]).toMatchObject({ discount: 3000, amountRemaining: 2000 });
    expect(priced.lines.map((l) => l.net)).toEqual([0, 0]);
    expect(priced.totals).toMatchObject({ discount: 3000, net: 0 });
  });

  it('a voucher on a basket with nothing discountable gives nothing and keeps its value', () => {
    const priced = priceBasket([line('a', 500, 1, { excluded: true })], [fixedVoucher(500)], T0);
    expect(priced.applied[0]).toMatchObject({ discount: 0, amountRemaining: 500 });
  });
});

describe('shares by largest remainder', () => {
  it('gives the left-over cent to the largest remainder, ties to the first line id', () => {
    const priced = priceBasket(
      [line('c', 1000), line('a', 1000), line('b', 1000)],
      [fixedVoucher(100)],
      T0,
    );
    // 100 × 1000 / 3000 = 33.33 each: 33 + 33 + 33, the last cent to line "a"
    expect(priced.lines.map((l) => [l.id, l.discount])).toEqual([
      ['c', 33],
      ['a', 34],
      ['b', 33],
    ]);
  });

  it('gives the cent to the larger fraction', () => {
    const priced = priceBasket([line('a', 100), line('b', 200)], [fixedVoucher(100)], T0);
    // exact shares 33.33 and 66.67: floors 33 + 66 = 99, the cent goes to "b"
    expect(priced.lines.map((l) => l.discount)).toEqual([33, 67]);
  });

  it('records each voucher’s share on each line', () => {
    const ten = percentVoucher(0.1, { key: 'a'.repeat(64) });
    const two = fixedVoucher(200, { key: 'b'.repeat(64) });
    const priced = priceBasket([line('x', 500), line('y', 1500)], [ten, two], T0);
    expect(priced.lines.map((l) => l.shares)).toEqual([
      [
        { voucherKey: ten.key, discount: 50 },
        { voucherKey: two.key, discount: 50 },
      ],
      [
        { voucherKey: ten.key, discount: 150 },
        { voucherKey: two.key, discount: 150 },
      ],
    ]);
  });
});

describe('exclusive campaigns', () => {
  it('apply alone; every other voucher is refused as not combinable', () => {
    const exclusive = percentVoucher(0.2, { exclusive: true, code: 'VIP20' });
    const fiver = fixedVoucher(500, { code: 'FIVER' });
    const coffee = honourVoucher('FREE-COFFEE', { code: 'COFFEE' });
    const priced = priceBasket([line('a', 5000)], [fiver, exclusive, coffee], T0);
    expect(priced.applied.map((a) => [a.voucher.code, a.discount])).toEqual([['VIP20', 1000]]);
    expect(priced.rejected.map((r) => [r.ref, r.reason])).toEqual([
      ['FIVER', 'voucher_not_combinable'],
      ['COFFEE', 'voucher_not_combinable'],
    ]);
  });

  it('of two exclusive vouchers the older one is applied', () => {
    const older = fixedVoucher(300, { exclusive: true, createdAt: T0 - 5_000, code: 'OLD' });
    const newer = fixedVoucher(900, { exclusive: true, createdAt: T0 - 1_000, code: 'NEW' });
    const priced = priceBasket([line('a', 5000)], [newer, older], T0);
    expect(priced.applied.map((a) => a.voucher.code)).toEqual(['OLD']);
    expect(priced.rejected.map((r) => [r.ref, r.reason])).toEqual([
      ['NEW', 'voucher_not_combinable'],
    ]);
  });
});

describe('honour vouchers', () => {
  it('change no price and are listed with their honour code', () => {
    const priced = priceBasket(
      [line('a', 350)],
      [honourVoucher('FREE-COFFEE', { code: 'HONOUR-COFFEE-0001' })],
      T0,
    );
    expect(priced.totals).toMatchObject({ discount: 0, net: 350 });
    expect(priced.applied).toHaveLength(1);
    expect(priced.applied[0]?.voucher).toMatchObject({ type: 'honour', honourCode: 'FREE-COFFEE' });
    expect(priced.applied[0]).toMatchObject({ discount: 0, amountRemaining: 0 });
  });
});

describe('rejected vouchers', () => {
  const basket = [line('a', 1000)];
  const context = {
    basketCode: 'S001-01-20261123-0001',
    memberNumber: '1000001',
    lockingCode: null,
  };

  it.each([
    ['voucher_not_claimed', fixedVoucher(100, { claimedAt: null })],
    ['voucher_already_redeemed', fixedVoucher(100, { burnedAt: T0 - 1 })],
    ['voucher_expired', fixedVoucher(100, { expiresAt: T0 })],
    ['voucher_wrong_owner', fixedVoucher(100, { ownerMemberNumber: '1000002' })],
    ['voucher_not_found', fixedVoucher(100, { deletedAt: T0 - 1 })],
  ] as const)('%s', (reason, voucher) => {
    const priced = priceBasket(basket, [voucher], T0, context);
    expect(priced.applied).toEqual([]);
    expect(priced.rejected).toEqual([
      {
        ref: voucher.key,
        voucherKey: voucher.key,
        reason,
        message: rejectionMessage(reason),
        lockedUntil: null,
        heldBy: null,
      },
    ]);
    expect(priced.totals.discount).toBe(0);
  });

  it('voucher_locked, with the time the other sale’s hold ends', () => {
    const until = T0 + 120_000;
    const held = fixedVoucher(100, {
      lock: { until, basketCode: 'S001-02-20261123-0007', lockingCode: null },
    });
    const priced = priceBasket(basket, [held], T0, context);
    expect(priced.rejected).toMatchObject([{ reason: 'voucher_locked', lockedUntil: until }]);
    // which sale holds it, by its basket code: the till names the other till from it
    expect(priced.rejected[0]?.heldBy).toBe('S001-02-20261123-0007');
    expect(priced.rejected[0]?.message).toBe('This voucher is held for another sale.');
  });

  it('voucher_locking_code_mismatch', () => {
    const held = fixedVoucher(100, {
      lock: { until: T0 + 1, basketCode: null, lockingCode: 'other' },
    });
    const priced = priceBasket(basket, [held], T0, { ...context, lockingCode: 'mine' });
    expect(priced.rejected).toMatchObject([
      { reason: 'voucher_locking_code_mismatch', lockedUntil: T0 + 1 },
    ]);
  });

  it('a hold for this very basket, or one that has lapsed, is no obstacle', () => {
    const mine = fixedVoucher(100, {
      lock: { until: T0 + 60_000, basketCode: context.basketCode, lockingCode: null },
    });
    const lapsed = fixedVoucher(200, {
      lock: { until: T0, basketCode: 'elsewhere', lockingCode: null },
    });
    const priced = priceBasket(basket, [mine, lapsed], T0, context);
    expect(priced.rejected).toEqual([]);
    expect(priced.totals.discount).toBe(300);
  });

  it('voucher_not_found for a code that matched nothing, once per code', () => {
    const priced = priceBasket(basket, [], T0, { unknownVoucherRefs: ['NOPE-1', 'NOPE-1'] });
    expect(priced.rejected).toEqual([
      {
        ref: 'NOPE-1',
        voucherKey: null,
        reason: 'voucher_not_found',
        message: 'No voucher with this code exists.',
        lockedUntil: null,
        heldBy: null,
      },
    ]);
  });

  it('voucher_offline_not_allowed for value vouchers offline, while honour vouchers still count', () => {
    const vouchers = [
      fixedVoucher(100, { code: 'FIVER' }),
      percentVoucher(0.1, { code: 'TEN' }),
      honourVoucher('FREE-COFFEE'),
    ];
    const offline = priceBasket(basket, vouchers, T0, { offline: { valueVouchersAllowed: false } });
    expect(offline.rejected.map((r) => [r.ref, r.reason])).toEqual([
      ['FIVER', 'voucher_offline_not_allowed'],
      ['TEN', 'voucher_offline_not_allowed'],
    ]);
    expect(offline.applied.map((a) => a.voucher.type)).toEqual(['honour']);
    const allowed = priceBasket(basket, vouchers, T0, { offline: { valueVouchersAllowed: true } });
    expect(allowed.totals.discount).toBe(200);
  });

  it('counts a voucher sent twice once', () => {
    const fiver = fixedVoucher(500);
    expect(priceBasket(basket, [fiver, fiver], T0).totals.discount).toBe(500);
  });
});

describe('unitPriceOf', () => {
  it('divides a line’s net by its quantity, rounding half away from zero', () => {
    expect(unitPriceOf(775, 1)).toBe(775);
    expect(unitPriceOf(1000, 3)).toBe(333);
    expect(unitPriceOf(1001, 2)).toBe(501);
    expect(unitPriceOf(21000, 10.5)).toBe(2000);
    expect(unitPriceOf(-1001, 2)).toBe(-501);
  });
});
