import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offlineValueDiscountOn } from './offline-allowance';
import { confirmSale, recordOpenSale, type ConfirmedSale } from './sales';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => {
  store.dispose();
});

const ZONE = 'Europe/Amsterdam';
const voucher = (type: 'basket' | 'basket_pct' | 'honour', discount: number) => ({
  voucherKey: `${type}${discount}`.padEnd(64, '0'),
  code: null,
  type,
  discount,
  amountRemaining: 0,
  honourCode: type === 'honour' ? 'FREE-COFFEE' : null,
});

function sell(
  code: string,
  at: string,
  pricedBy: 'local' | 'engine',
  vouchers: ConfirmedSale['vouchersRedeemed'],
) {
  const confirmedAt = new Date(at);
  recordOpenSale(store.db, { basketCode: code, currency: 'EUR', startedAt: confirmedAt });
  const discount = vouchers.reduce((sum, v) => sum + v.discount, 0);
  confirmSale(store.db, code, {
    memberNumber: null,
    totals: { gross: 5000, discount, net: 5000 - discount },
    pricedBy,
    engineBasketId: null,
    confirmedAt,
    syncedAt: null,
    lines: [],
    vouchersRedeemed: vouchers,
    warnings: [],
  });
}

describe('offlineValueDiscountOn', () => {
  it("sums the value vouchers of today's locally priced, confirmed sales, on the store's calendar", () => {
    // 23:30 UTC on the 22nd is 00:30 on the 23rd in Amsterdam
    sell('S-1', '2026-11-22T23:30:00Z', 'local', [voucher('basket', 300), voucher('honour', 0)]);
    sell('S-2', '2026-11-23T10:00:00Z', 'local', [
      voucher('basket_pct', 120),
      voucher('basket', 50),
    ]);
    sell('S-3', '2026-11-22T22:30:00Z', 'local', [voucher('basket', 999)]); // the 22nd there
    sell('S-4', '2026-11-23T11:00:00Z', 'engine', [voucher('basket', 777)]);
    recordOpenSale(store.db, {
      basketCode: 'S-5',
      currency: 'EUR',
      startedAt: new Date('2026-11-23T11:00:00Z'),
    });
    expect(offlineValueDiscountOn(store.db, new Date('2026-11-23T12:00:00Z'), ZONE)).toBe(470);
    expect(offlineValueDiscountOn(store.db, new Date('2026-11-24T12:00:00Z'), ZONE)).toBe(0);
  });
});
