import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, listAudit } from './audit';
import {
  confirmSale,
  findSale,
  listSales,
  recordOpenSale,
  voidSale,
  type ConfirmedSale,
} from './sales';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => {
  store.dispose();
});

const CODE = 'S001-01-20261123-0001';
const KEY = 'a'.repeat(64);
const confirmed: ConfirmedSale = {
  memberNumber: '1000001',
  totals: { gross: 500, discount: 50, net: 450 },
  pricedBy: 'engine',
  engineBasketId: 42,
  confirmedAt: new Date('2026-11-23T10:05:00Z'),
  syncedAt: new Date('2026-11-23T10:05:00Z'),
  lines: [
    {
      lineId: '1',
      barcode: '8712345000011',
      name: 'Whole milk 1 L',
      quantity: 2,
      unit: 'piece',
      unitPrice: 250,
      gross: 500,
      discount: 50,
      net: 450,
      excluded: false,
      shares: [{ voucherKey: KEY, discount: 50 }],
    },
  ],
  vouchersRedeemed: [
    {
      voucherKey: KEY,
      code: 'DEMO-10PCT',
      type: 'basket_pct',
      discount: 50,
      amountRemaining: 0,
      honourCode: null,
    },
  ],
  warnings: [{ code: 'voucher_locked', message: 'held by another till', voucherRef: 'DEMO-5EUR' }],
};

describe('the sale journal', () => {
  it('keeps an open sale, then its confirmed content with lines, shares, vouchers and warnings', () => {
    recordOpenSale(store.db, {
      basketCode: CODE,
      currency: 'EUR',
      startedAt: new Date('2026-11-23T10:00:00Z'),
    });
    expect(listSales(store.db, 'open').map((sale) => sale.basketCode)).toEqual([CODE]);

    expect(confirmSale(store.db, CODE, confirmed)).toBe(true);
    expect(confirmSale(store.db, CODE, confirmed)).toBe(false);
    expect(voidSale(store.db, CODE, new Date())).toBe(false);
    expect(findSale(store.db, CODE)).toMatchObject({
      state: 'confirmed',
      memberNumber: '1000001',
      totals: confirmed.totals,
      engineBasketId: 42,
      confirmedAt: confirmed.confirmedAt,
      lines: confirmed.lines,
      vouchersRedeemed: confirmed.vouchersRedeemed,
      warnings: confirmed.warnings,
    });
  });

  it('refuses a second sale under a used basket code', () => {
    recordOpenSale(store.db, { basketCode: CODE, currency: 'EUR', startedAt: new Date() });
    expect(() =>
      recordOpenSale(store.db, { basketCode: CODE, currency: 'EUR', startedAt: new Date() }),
    ).toThrow(/UNIQUE constraint failed: sales.basket_code/);
  });

  it('voids an open sale', () => {
    recordOpenSale(store.db, { basketCode: CODE, currency: 'EUR', startedAt: new Date() });
    const at = new Date('2026-11-23T10:10:00Z');
    expect(voidSale(store.db, CODE, at)).toBe(true);
    expect(findSale(store.db, CODE)).toMatchObject({
      state: 'voided',
      voidedAt: at,
      confirmedAt: null,
    });
  });

  it('appends to the audit log and lists it newest first', () => {
    appendAudit(store.db, {
      at: new Date('2026-11-23T10:00:00Z'),
      actor: 'terminal:01',
      action: 'sale_voided',
      voucherKey: null,
      voucherCode: null,
      basketCode: CODE,
      subject: null,
      detail: '',
    });
    appendAudit(store.db, {
      at: new Date('2026-11-23T11:00:00Z'),
      actor: 'manager-s001',
      action: 'voucher_unlocked',
      voucherKey: KEY,
      voucherCode: null,
      basketCode: null,
      subject: null,
      detail: 'customer walked out',
    });
    expect(listAudit(store.db).map((entry) => entry.action)).toEqual([
      'voucher_unlocked',
      'sale_voided',
    ]);
  });
});
