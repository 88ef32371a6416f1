import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engineVoucher, honourFeedChange } from '../../test-support/till/engine-answers';
import {
  applyHonourPage,
  findCachedHonour,
  honourCacheState,
  markHonourUsedLocally,
} from './honour-cache';
import { queueOfflineSale } from '../../test-support/till/queued-sale';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => {
  store.dispose();
});

const key = (n: number) => n.toString(16).padStart(64, '0');
function honour(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    voucher_key: key(n),
    voucher_code: `HONOUR-COFFEE-000${n}`,
    voucher_type: 'honour',
    voucher_status: 'claimed',
    voucher_locked: false,
    voucher_honour_code: 'FREE-COFFEE',
    voucher_expiry_datetime_utc: '2030-01-01 00:00:00',
    member_number: null,
    ...overrides,
  };
}
const change = (rev: number, voucher: Record<string, unknown>, removed = false) =>
  honourFeedChange(rev, voucher, removed);
const T1 = new Date('2026-11-23T10:00:00Z');
const T2 = new Date('2026-11-23T10:05:00Z');

describe('the honour-voucher cache', () => {
  it('says it was never filled, then mirrors a page and remembers the cursor', () => {
    expect(honourCacheState(store.db)).toEqual({ cursor: null, updatedAt: null, size: 0 });
    applyHonourPage(
      store.db,
      { changes: [change(1, honour(1)), change(2, honour(2))], nextCursor: 2 },
      T1,
    );
    expect(honourCacheState(store.db)).toEqual({ cursor: 2, updatedAt: T1, size: 2 });
    expect(findCachedHonour(store.db, 'HONOUR-COFFEE-0001')).toEqual({
      voucherKey: key(1),
      code: 'HONOUR-COFFEE-0001',
      honourCode: 'FREE-COFFEE',
      memberNumber: null,
      voucher: engineVoucher(honour(1)),
      usedLocallyAt: null,
      usedLocallyBasketCode: null,
    });
    expect(findCachedHonour(store.db, 'honour-coffee-0001')).toBeUndefined();
    expect(findCachedHonour(store.db, 'NOPE')).toBeUndefined();
  });

  it('an empty page still says when the cache was last confirmed fresh', () => {
    applyHonourPage(store.db, { changes: [], nextCursor: 0 }, T1);
    expect(honourCacheState(store.db)).toEqual({ cursor: 0, updatedAt: T1, size: 0 });
  });

  it('burned, deleted and no longer honourable vouchers leave the cache', () => {
    applyHonourPage(
      store.db,
      { changes: [1, 2, 3].map((n) => change(n, honour(n))), nextCursor: 3 },
      T1,
    );
    applyHonourPage(
      store.db,
      {
        changes: [
          change(4, honour(1, { voucher_status: 'redeemed' }), true),
          change(5, honour(2, { voucher_honour_code: null })),
        ],
        nextCursor: 5,
      },
      T2,
    );
    expect(findCachedHonour(store.db, 'HONOUR-COFFEE-0001')).toBeUndefined();
    expect(findCachedHonour(store.db, 'HONOUR-COFFEE-0002')).toBeUndefined();
    expect(honourCacheState(store.db)).toEqual({ cursor: 5, updatedAt: T2, size: 1 });
  });

  it('applies a page atomically: a change that fails leaves the cache and the cursor as they were', () => {
    applyHonourPage(store.db, { changes: [change(1, honour(1))], nextCursor: 1 }, T1);
    // the feed's decoder refuses such a key; the cache's own CHECK is the last line
    const nine = change(4, honour(9));
    const broken = { ...nine, voucher: { ...nine.voucher, key: 'not-a-64-character-key' } };
    const page = {
      changes: [change(2, honour(1), true), change(3, honour(2)), broken],
      nextCursor: 4,
    };
    expect(() => {
      applyHonourPage(store.db, page, T2);
    }).toThrow(/CHECK constraint failed/);
    expect(honourCacheState(store.db)).toEqual({ cursor: 1, updatedAt: T1, size: 1 });
    expect(findCachedHonour(store.db, 'HONOUR-COFFEE-0001')).toBeDefined();
    expect(findCachedHonour(store.db, 'HONOUR-COFFEE-0002')).toBeUndefined();

    // what is on disk, read by another connection, is the same
    const reader = new SQLite(store.path, { readonly: true });
    expect(reader.prepare('SELECT voucher_key FROM honour_cache').pluck().all()).toEqual([key(1)]);
    expect(reader.prepare('SELECT value FROM sync_state').pluck().all()).toEqual(['1']);
    reader.close();
  });

  it('marks a voucher used by one sale on this till, and refuses a second sale', () => {
    applyHonourPage(store.db, { changes: [change(1, honour(1))], nextCursor: 1 }, T1);
    expect(markHonourUsedLocally(store.db, key(1), 'S001-01-20261123-0001', T1)).toBe(true);
    expect(markHonourUsedLocally(store.db, key(1), 'S001-01-20261123-0001', T2)).toBe(true);
    expect(markHonourUsedLocally(store.db, key(1), 'S001-01-20261123-0002', T2)).toBe(false);
    expect(markHonourUsedLocally(store.db, key(7), 'S001-01-20261123-0002', T2)).toBe(false);
    // a later change of the voucher keeps the local mark
    applyHonourPage(
      store.db,
      { changes: [change(2, honour(1, { voucher_title: 'Coffee' }))], nextCursor: 2 },
      T2,
    );
    expect(findCachedHonour(store.db, 'HONOUR-COFFEE-0001')).toMatchObject({
      usedLocallyAt: T1,
      usedLocallyBasketCode: 'S001-01-20261123-0001',
      voucher: { title: 'Coffee' },
    });
  });

  it('a code that moves to a newer voucher replaces the old one', () => {
    applyHonourPage(store.db, { changes: [change(1, honour(1))], nextCursor: 1 }, T1);
    applyHonourPage(
      store.db,
      { changes: [change(2, honour(2, { voucher_code: 'HONOUR-COFFEE-0001' }))], nextCursor: 2 },
      T2,
    );
    expect(findCachedHonour(store.db, 'HONOUR-COFFEE-0001')?.voucherKey).toBe(key(2));
    expect(honourCacheState(store.db).size).toBe(1);
  });

  it('the local use commits with the sale and its outbox entry', () => {
    applyHonourPage(store.db, { changes: [change(1, honour(1))], nextCursor: 1 }, T1);
    queueOfflineSale(store.db, {
      basketCode: 'S001-01-20261123-0001',
      confirmedAt: T2,
      honour: { voucherKey: key(1), code: 'HONOUR-COFFEE-0001' },
    });
    expect(findCachedHonour(store.db, 'HONOUR-COFFEE-0001')?.usedLocallyBasketCode).toBe(
      'S001-01-20261123-0001',
    );
  });
});
