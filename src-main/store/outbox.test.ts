import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  claimInterruptedConfirm,
  claimUnfinishedConfirm,
  countOutbox,
  deferOutboxEntry,
  dropUnfinishedConfirm,
  enqueueSale,
  handOverUnfinishedConfirm,
  oldestOutboxEntry,
  removeOutboxEntry,
  startConfirm,
  takeOverUnfinishedConfirms,
  unfinishedConfirm,
} from './outbox';
import { findSale, markSaleSynced, voidSale } from './sales';
import { encodeAddBasket } from '../engine-client';
import {
  queueOfflineSale,
  startOnlineConfirm,
  TEST_TILL,
} from '../../test-support/till/queued-sale';
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
    expect(first.confirmedAt).toBe(AT.getTime());
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
    // a request that breaks the wire schema cannot be encoded at all (engine-client/encoded-add-basket.test.ts)
  });

  it('marks a queued sale synced once, keeping what the engine issued and said with it', () => {
    queueOfflineSale(store.db, { basketCode: CODE_1, confirmedAt: AT });
    const at = new Date(AT.getTime() + 60_000);
    const remainder = {
      voucherKey: 'c'.repeat(64),
      code: 'REST-0001',
      amount: 250,
      expiresAt: '2027-01-31T23:00:00.000Z',
      ownerMemberNumber: '1000001',
      origin: 'remainder' as const,
      from: { voucherKey: 'd'.repeat(64), code: 'DEMO-5EUR' },
    };
    const unknownCard = { code: 'member_not_found', message: 'not known', voucherRef: null };
    const synced = { at, vouchersCreated: [remainder], warnings: [unknownCard] };
    expect(markSaleSynced(store.db, CODE_1, { ...synced, engineBasketId: 77 })).toBe(true);
    expect(markSaleSynced(store.db, CODE_1, { ...synced, engineBasketId: 78 })).toBe(false);
    expect(markSaleSynced(store.db, 'nope', { ...synced, engineBasketId: 78 })).toBe(false);
    const sale = findSale(store.db, CODE_1);
    expect(sale).toMatchObject({ engineBasketId: 77, syncedAt: at });
    expect(sale?.vouchersCreated).toEqual([remainder]);
    expect(sale?.warnings).toEqual([unknownCard]);
  });

  it('holds an online confirm in flight, then queues that same entry when the engine did not answer', () => {
    queueOfflineSale(store.db, { basketCode: CODE_1, confirmedAt: AT });
    const request = startOnlineConfirm(store.db, { basketCode: CODE_2, confirmedAt: AT });
    const inFlight = unfinishedConfirm(store.db, CODE_2);
    expect(inFlight).toMatchObject({ state: 'in_flight', request: { ok: true, value: request } });
    expect(unfinishedConfirm(store.db, CODE_1)).toBeUndefined();
    // a sale being confirmed right now does not wait for the engine yet
    expect(countOutbox(store.db)).toBe(1);

    enqueueSale(store.db, CODE_2, request, new Date(AT.getTime() + 5000));
    const rows = store.db.prepare('SELECT id, basket_code, state FROM outbox ORDER BY id').all();
    expect(rows).toEqual([
      { id: expect.any(Number) as unknown, basket_code: CODE_1, state: 'queued' },
      { id: inFlight?.id, basket_code: CODE_2, state: 'queued' },
    ]);
    expect(countOutbox(store.db)).toBe(2);
  });

  it('never queues a different basket under the code of a confirm in flight', () => {
    const request = startOnlineConfirm(store.db, { basketCode: CODE_1, confirmedAt: AT });
    const changed = encodeAddBasket(
      request.sale(),
      TEST_TILL,
      [],
      Date.parse('2026-11-23T10:00:01.000Z'),
    );
    expect(() => {
      enqueueSale(store.db, CODE_1, changed, AT);
    }).toThrow(/UNIQUE constraint failed/);
    expect(unfinishedConfirm(store.db, CODE_1)).toMatchObject({
      state: 'in_flight',
      request: { ok: true, value: request },
    });
  });

  it('hands an unanswered confirm over, lets one taker claim it, and drops it once answered', () => {
    startOnlineConfirm(store.db, { basketCode: CODE_1, confirmedAt: AT });
    expect(claimInterruptedConfirm(store.db, CODE_1)).toBeUndefined();
    handOverUnfinishedConfirm(store.db, CODE_1);
    expect(oldestOutboxEntry(store.db)?.state).toBe('interrupted');
    expect(countOutbox(store.db)).toBe(1);
    expect(claimInterruptedConfirm(store.db, CODE_1)).toMatchObject({
      basketCode: CODE_1,
      state: 'in_flight',
    });
    expect(claimInterruptedConfirm(store.db, CODE_1)).toBeUndefined();
    dropUnfinishedConfirm(store.db, CODE_1);
    expect(oldestOutboxEntry(store.db)).toBeUndefined();
  });

  it('drops only unfinished confirms, never a queued sale', () => {
    queueOfflineSale(store.db, { basketCode: CODE_1, confirmedAt: AT });
    dropUnfinishedConfirm(store.db, CODE_1);
    handOverUnfinishedConfirm(store.db, CODE_1);
    expect(oldestOutboxEntry(store.db)).toMatchObject({ basketCode: CODE_1, state: 'queued' });
  });

  it('a confirm again after a fault takes the interrupted entry and sends its stored request', () => {
    const first = startOnlineConfirm(store.db, { basketCode: CODE_1, confirmedAt: AT });
    const entry = unfinishedConfirm(store.db, CODE_1);
    handOverUnfinishedConfirm(store.db, CODE_1);
    const again = encodeAddBasket(first.sale(), TEST_TILL, [], AT.getTime() + 1000);
    const sent = startConfirm(store.db, again, new Date(AT.getTime() + 5000));
    expect(sent).not.toBe('busy');
    if (sent === 'busy') return;
    expect(sent.text()).toBe(first.text());
    expect(store.db.prepare('SELECT id, state FROM outbox').all()).toEqual([
      { id: entry?.id, state: 'in_flight' },
    ]);
    // while it is in flight, nobody else may send it
    expect(startConfirm(store.db, again, AT)).toBe('busy');
    expect(claimUnfinishedConfirm(store.db, CODE_1)).toBe('busy');
  });

  it('an offline confirm takes an interrupted entry too, and finds none where there is none', () => {
    const first = startOnlineConfirm(store.db, { basketCode: CODE_1, confirmedAt: AT });
    handOverUnfinishedConfirm(store.db, CODE_1);
    const claimed = claimUnfinishedConfirm(store.db, CODE_1);
    expect(claimed === 'busy' ? claimed : claimed?.text()).toBe(first.text());
    expect(unfinishedConfirm(store.db, CODE_1)?.state).toBe('in_flight');
    expect(claimUnfinishedConfirm(store.db, CODE_2)).toBeUndefined();
    expect(countOutbox(store.db)).toBe(0);
  });

  it('an interrupted entry whose request no longer reads gives way to the fresh one', () => {
    const first = startOnlineConfirm(store.db, { basketCode: CODE_1, confirmedAt: AT });
    handOverUnfinishedConfirm(store.db, CODE_1);
    store.db.prepare(`UPDATE outbox SET request = '{"basket":{}}'`).run();
    const sent = startConfirm(store.db, first, AT);
    expect(sent).toBe(first);
    expect(unfinishedConfirm(store.db, CODE_1)).toMatchObject({
      state: 'in_flight',
      request: { ok: true, value: first },
    });
  });

  it('at start takes over the confirms a previous run left, dropping those of sales no longer open', () => {
    const CODE_3 = 'S001-01-20261123-0003';
    queueOfflineSale(store.db, { basketCode: CODE_1, confirmedAt: AT });
    startOnlineConfirm(store.db, { basketCode: CODE_2, confirmedAt: AT });
    startOnlineConfirm(store.db, { basketCode: CODE_3, confirmedAt: AT });
    handOverUnfinishedConfirm(store.db, CODE_3);
    const CODE_4 = 'S001-01-20261123-0004';
    startOnlineConfirm(store.db, { basketCode: CODE_4, confirmedAt: AT });
    voidSale(store.db, CODE_4, AT);

    takeOverUnfinishedConfirms(store.db);
    expect(store.db.prepare('SELECT basket_code, state FROM outbox ORDER BY id').all()).toEqual([
      { basket_code: CODE_1, state: 'queued' },
      { basket_code: CODE_2, state: 'in_flight' },
      { basket_code: CODE_3, state: 'in_flight' },
    ]);
  });
});
