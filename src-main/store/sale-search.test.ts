import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmSale, recordOpenSale, searchSales, type ConfirmedSale } from './sales';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => {
  store.dispose();
});

const AMSTERDAM = 'Europe/Amsterdam';

function sell(basketCode: string, confirmedAt: string, net: number): void {
  recordOpenSale(store.db, { basketCode, currency: 'EUR', startedAt: new Date(confirmedAt) });
  const sale: ConfirmedSale = {
    memberNumber: null,
    totals: { gross: net, discount: 0, net },
    pricedBy: 'engine',
    engineBasketId: null,
    confirmedAt: new Date(confirmedAt),
    syncedAt: null,
    lines: [],
    vouchersRedeemed: [],
    warnings: [],
  };
  expect(confirmSale(store.db, basketCode, sale)).toBe(true);
}

const codes = (found: ReturnType<typeof searchSales>) => found.map((sale) => sale.basketCode);

describe('looking up past sales', () => {
  beforeEach(() => {
    // 23:30 UTC on the 22nd is already the 23rd in Amsterdam (UTC+1 in November)
    sell('S001-01-20261123-0001', '2026-11-22T23:30:00Z', 145);
    sell('S001-01-20261123-0002', '2026-11-23T10:00:00Z', 1475);
    sell('S001-01-20261123-0003', '2026-11-23T22:59:00Z', 145);
    // 23:00 UTC on the 23rd is the 24th in Amsterdam
    sell('S001-01-20261124-0001', '2026-11-23T23:00:00Z', 699);
    recordOpenSale(store.db, {
      basketCode: 'S001-01-20261124-0002',
      currency: 'EUR',
      startedAt: new Date('2026-11-24T08:00:00Z'),
    });
  });

  it('lists the confirmed sales newest first, never an open one, at most the limit', () => {
    expect(codes(searchSales(store.db, { limit: 50 }))).toEqual([
      'S001-01-20261124-0001',
      'S001-01-20261123-0003',
      'S001-01-20261123-0002',
      'S001-01-20261123-0001',
    ]);
    expect(codes(searchSales(store.db, { limit: 1 }))).toEqual(['S001-01-20261124-0001']);
  });

  it('by a day of the till’s calendar, in its time zone', () => {
    const day = { date: '2026-11-23', timezone: AMSTERDAM };
    expect(codes(searchSales(store.db, { day, limit: 50 }))).toEqual([
      'S001-01-20261123-0003',
      'S001-01-20261123-0002',
      'S001-01-20261123-0001',
    ]);
    const utc = { date: '2026-11-23', timezone: 'UTC' };
    expect(codes(searchSales(store.db, { day: utc, limit: 50 }))).toEqual([
      'S001-01-20261124-0001',
      'S001-01-20261123-0003',
      'S001-01-20261123-0002',
    ]);
  });

  it('by part of the basket code in any case, taking % and _ literally', () => {
    expect(codes(searchSales(store.db, { basketCode: '1124-0001', limit: 50 }))).toEqual([
      'S001-01-20261124-0001',
    ]);
    expect(searchSales(store.db, { basketCode: 's001-01-20261123-0002', limit: 50 })).toHaveLength(
      1,
    );
    expect(searchSales(store.db, { basketCode: '%', limit: 50 })).toEqual([]);
    expect(searchSales(store.db, { basketCode: 'S001_01', limit: 50 })).toEqual([]);
  });

  it('by the amount paid, and by several filters at once', () => {
    expect(codes(searchSales(store.db, { amount: 145, limit: 50 }))).toEqual([
      'S001-01-20261123-0003',
      'S001-01-20261123-0001',
    ]);
    expect(
      codes(
        searchSales(store.db, {
          amount: 145,
          basketCode: '0003',
          day: { date: '2026-11-23', timezone: AMSTERDAM },
          limit: 50,
        }),
      ),
    ).toEqual(['S001-01-20261123-0003']);
    expect(searchSales(store.db, { amount: 146, limit: 50 })).toEqual([]);
  });
});
