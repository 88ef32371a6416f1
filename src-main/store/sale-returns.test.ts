import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  confirmSale,
  markSaleSynced,
  recentSales,
  recordOpenSale,
  returnedOnThisTill,
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

const SOLD = 'S001-01-20261123-0001';
const KEY = 'a'.repeat(64);
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute));

const sold: ConfirmedSale = {
  memberNumber: '1000001',
  totals: { gross: 500, discount: 50, net: 450 },
  pricedBy: 'engine',
  engineBasketId: 1,
  confirmedAt: at(5),
  syncedAt: at(5),
  lines: [
    {
      lineId: 'line_1',
      barcode: '8712345000011',
      name: 'Whole milk 1 L',
      quantity: 2,
      unitPrice: 250,
      gross: 500,
      discount: 50,
      net: 450,
      excluded: false,
      unit: 'piece' as const,
      shares: [{ voucherKey: KEY, discount: 50 }],
    },
  ],
  vouchersRedeemed: [],
  warnings: [],
};

/** A return of `quantity` of the milk, confirmed at `minute`, synced or waiting in the outbox. */
function returnOf(code: string, quantity: number, minute: number, synced: boolean): void {
  recordOpenSale(store.db, { basketCode: code, currency: 'EUR', startedAt: at(minute) });
  const back = Math.round(25 * quantity);
  expect(
    confirmSale(store.db, code, {
      ...sold,
      totals: {
        gross: Math.round(-250 * quantity),
        discount: -back,
        net: Math.round(-250 * quantity) + back,
      },
      confirmedAt: at(minute),
      syncedAt: synced ? at(minute) : null,
      lines: [
        {
          lineId: 'line_1',
          barcode: '8712345000011',
          name: 'Whole milk 1 L',
          quantity,
          unitPrice: -250,
          gross: Math.round(-250 * quantity),
          discount: -back,
          net: Math.round(-250 * quantity) + back,
          excluded: false,
          unit: 'piece' as const,
          shares: [],
          returnOf: { basketCode: SOLD, lineId: 'line_1', vouchersBack: back },
        },
      ],
    }),
  ).toBe(true);
}

describe('the journal of returns', () => {
  beforeEach(() => {
    recordOpenSale(store.db, { basketCode: SOLD, currency: 'EUR', startedAt: at(0) });
    confirmSale(store.db, SOLD, sold);
  });

  it('counts what this till returned of a line: all of it, or what the engine was not sent yet', () => {
    const line = { basketCode: SOLD, lineId: 'line_1' };
    expect(returnedOnThisTill(store.db, line, 'all')).toBe(0);
    returnOf('S001-01-20261123-0002', 0.5, 6, true);
    returnOf('S001-01-20261123-0003', 1, 7, false);
    expect(returnedOnThisTill(store.db, line, 'all')).toBe(1.5);
    expect(returnedOnThisTill(store.db, line, 'not_synced')).toBe(1);
    store.db.transaction(() =>
      markSaleSynced(store.db, 'S001-01-20261123-0003', {
        engineBasketId: 3,
        at: at(8),
        vouchersCreated: [],
        warnings: [],
      }),
    )();
    expect(returnedOnThisTill(store.db, line, 'not_synced')).toBe(0);
    expect(returnedOnThisTill(store.db, { basketCode: SOLD, lineId: 'line_2' }, 'all')).toBe(0);
  });

  it('offers the latest sales newest first, without the returns', () => {
    returnOf('S001-01-20261123-0002', 1, 6, true);
    recordOpenSale(store.db, {
      basketCode: 'S001-01-20261123-0004',
      currency: 'EUR',
      startedAt: at(9),
    });
    confirmSale(store.db, 'S001-01-20261123-0004', { ...sold, confirmedAt: at(9) });
    expect(recentSales(store.db, 10).map((sale) => sale.basketCode)).toEqual([
      'S001-01-20261123-0004',
      SOLD,
    ]);
    expect(recentSales(store.db, 1)).toHaveLength(1);
  });
});
