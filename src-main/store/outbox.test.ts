import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countOutbox,
  deferOutboxEntry,
  enqueueSale,
  oldestOutboxEntry,
  removeOutboxEntry,
} from './outbox';
import { findSale, markSaleSynced } from './sales';
import { queueOfflineSale } from '../../test-support/till/queued-sale';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => {
  store.dispose();
});

const CODE_1 = 'S001-01-20261123-0001';
const CODE_2 = 'S001-01-20261123-0002';
const AT = new Date('2026-11-23T10:00:00Z');

describe('the outbox', () => {
  it('keeps queued sales in order with their original request', () => {
    const first = queueOfflineSale(store.db, { basketCode: CODE_1, confirmedAt: AT });
    queueOfflineSale(store.db, { basketCode: CODE_2, confirmedAt: new Date(AT.getTime() + 1) });
    expect(countOutbox(store.db)).toBe(2);
    expect(oldestOutboxEntry(store.db)).toMatchObject({
      basketCode: CODE_1,
      request: { ok: true, value: first },
      createdAt: AT,
      attempts: 0,
      nextAttemptAt: AT,
      lastError: null,
    });
    expect(first.basket.basket_timestamp_iso8601).toBe(AT.toISOString());
    expect(findSale(store.db, CODE_1)).toMatchObject({ pricedBy: 'local', syncedAt: null });
  });

  it('counts a failed attempt, then lets the entry go only when told', () => {
    queueOfflineSale(store.db, { basketCode: CODE_1, confirmedAt: AT });
    const entry = oldestOutboxEntry(store.db);
    if (!entry) throw new Error('nothing queued');
    const retryAt = new Date(AT.getTime() + 2000);
    expect(
      deferOutboxEntry(store.db, entry.id, { nextAttemptAt: retryAt, lastError: 'HTTP 503' }),
    ).toBe(true);
    expect(oldestOutboxEntry(store.db)).toMatchObject({
      attempts: 1,
      nextAttemptAt: retryAt,
      lastError: 'HTTP 503',
    });
    expect(removeOutboxEntry(store.db, entry.id)).toBe(true);
    expect(removeOutboxEntry(store.db, entry.id)).toBe(false);
    expect(countOutbox(store.db)).toBe(0);
  });

  it('a stored request that no longer reads is reported, not thrown', () => {
    queueOfflineSale(store.db, { basketCode: CODE_1, confirmedAt: AT });
    store.db.prepare(`UPDATE outbox SET request = '{"basket":{}}'`).run();
    const entry = oldestOutboxEntry(store.db);
    expect(entry?.request.ok).toBe(false);
  });

  it('refuses a request that breaks the wire schema or names another basket', () => {
    const request = queueOfflineSale(store.db, { basketCode: CODE_1, confirmedAt: AT });
    expect(() => {
      enqueueSale(store.db, CODE_2, request, AT);
    }).toThrow(/another basket/);
    expect(() => {
      enqueueSale(
        store.db,
        CODE_1,
        { ...request, entity: { ...request.entity, entity_id: -1 } },
        AT,
      );
    }).toThrow(/invalid/);
  });

  it('marks a queued sale synced once', () => {
    queueOfflineSale(store.db, { basketCode: CODE_1, confirmedAt: AT });
    const at = new Date(AT.getTime() + 60_000);
    expect(markSaleSynced(store.db, CODE_1, 77, at)).toBe(true);
    expect(markSaleSynced(store.db, CODE_1, 78, at)).toBe(false);
    expect(markSaleSynced(store.db, 'nope', 78, at)).toBe(false);
    expect(findSale(store.db, CODE_1)).toMatchObject({ engineBasketId: 77, syncedAt: at });
  });
});
