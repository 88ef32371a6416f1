import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  EncodedAddBasket,
  EngineFailure,
  EngineOutcome,
  EngineWarning,
  RejectionReason,
  StoredBasket,
} from '../engine-client';
import {
  countOutbox,
  dropUnfinishedConfirm,
  findSale,
  handOverUnfinishedConfirm,
  listConflicts,
  oldestOutboxEntry,
  retryOldestOutboxEntryNow,
  type OutboxEntry,
} from '../store';
import { queueOfflineSale, startOnlineConfirm } from '../../test-support/till/queued-sale';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';
import { toEngineWarning } from '../engine-client/decode';
import { createConnectivity, type ConnectivityMonitor } from './connectivity';
import { sendOutbox, type OutboxDeps, type ResumedConfirm } from './outbox-sender';
import {
  manualSchedule,
  noInterruptedConfirm,
  silentLog,
} from '../../test-support/till/manual-schedule';

let store: TempStore;
let connectivity: ConnectivityMonitor;
beforeEach(() => {
  store = openTempStore();
  connectivity = createConnectivity({
    probe: () => Promise.resolve(false),
    probeIntervalMs: 1000,
    log: silentLog,
    schedule: manualSchedule().schedule,
  });
});
afterEach(() => {
  connectivity.stop();
  store.dispose();
});

const NOW = Date.UTC(2026, 10, 23, 12);
/** Lets a probe's promise chain settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));
const code = (n: number) => `S001-01-20261123-000${n}`;
const KEY = 'c'.repeat(64);

type Answer = EngineOutcome<StoredBasket>;
/** An engine that answers each add-basket from a script, and remembers what it was sent. */
function scriptedEngine(...answers: ((request: EncodedAddBasket) => Answer)[]) {
  const sent: string[] = [];
  return {
    sent,
    addBasket: (request: EncodedAddBasket): Promise<Answer> => {
      sent.push(request.basketCode);
      const answer = answers.shift();
      if (!answer) throw new Error('the test engine has no answer left');
      return Promise.resolve(answer(request));
    },
  };
}
let nextBasketId = 100;
const stored =
  (warnings: EngineWarning[] = [], replayed = false, created: StoredBasket['created'] = []) =>
  (): Answer => ({
    ok: true,
    warnings,
    value: {
      basketId: nextBasketId++,
      lines: [],
      vouchers: [],
      totals: { gross: 145, discount: 0, net: 145 },
      redeemedKeys: [],
      replayed,
      created,
    },
  });
const failing = (error: EngineFailure) => (): Answer => ({ ok: false, error });
const unreachable = failing({ kind: 'unavailable', cause: 'timeout', message: 'timed out' });
const refused = (reason: RejectionReason, name: string) =>
  failing({ kind: 'rejected', reason, name, code: 1, description: name, message: name });

function deps(engine: OutboxDeps['engine'], now = () => NOW): OutboxDeps {
  return {
    db: store.db,
    engine,
    connectivity,
    now,
    random: () => 0,
    log: silentLog,
    resumeConfirm: noInterruptedConfirm,
  };
}
function queue(...numbers: number[]) {
  for (const n of numbers)
    queueOfflineSale(store.db, {
      basketCode: code(n),
      confirmedAt: new Date(NOW - 60_000 + n),
      honour: { voucherKey: KEY.slice(0, 63) + String(n), code: `HONOUR-COFFEE-000${n}` },
    });
}

describe('the outbox sender', () => {
  it('sends oldest first, and each entry leaves only with its acknowledgement (a replay counts)', async () => {
    queue(1, 2, 3);
    const engine = scriptedEngine(stored(), stored([], true), stored());
    expect(await sendOutbox(deps(engine))).toEqual({ kind: 'empty', sent: 3 });
    expect(engine.sent).toEqual([code(1), code(2), code(3)]);
    expect(countOutbox(store.db)).toBe(0);
    for (const n of [1, 2, 3])
      expect(findSale(store.db, code(n))).toMatchObject({
        syncedAt: new Date(NOW),
        engineBasketId: expect.any(Number) as unknown,
      });
    expect(listConflicts(store.db)).toEqual([]);
  });

  it('unreachable: the entry counts an attempt and waits out its backoff; the probe says offline', async () => {
    queue(1, 2);
    const engine = scriptedEngine(unreachable);
    expect(await sendOutbox(deps(engine))).toEqual({ kind: 'waiting', sent: 0, until: NOW + 500 });
    expect(oldestOutboxEntry(store.db)).toMatchObject({
      basketCode: code(1),
      attempts: 1,
      lastError: 'timed out',
    });
    await settle();
    expect(connectivity.isOnline()).toBe(false);
    expect(countOutbox(store.db)).toBe(2);
    expect(await sendOutbox(deps(engine, () => NOW + 500))).toEqual({ kind: 'offline', sent: 0 });
    expect(engine.sent).toEqual([code(1)]);
  });

  it('a send that never reached the engine counts no attempt; the engine back, the oldest entry is due at once', async () => {
    queue(1, 2);
    const noConnection = failing({
      kind: 'unavailable',
      cause: 'no_connection',
      message: 'connection refused',
    });
    const engine = scriptedEngine(unreachable, noConnection, stored(), stored());
    await sendOutbox(deps(engine));
    await settle();
    connectivity.reportAnswered();
    await sendOutbox(deps(engine, () => NOW + 10_000));
    expect(oldestOutboxEntry(store.db)).toMatchObject({
      attempts: 1,
      lastError: 'connection refused',
    });

    const later = NOW + 10_100;
    expect(retryOldestOutboxEntryNow(store.db, new Date(later))).toBe(true);
    expect(oldestOutboxEntry(store.db)?.nextAttemptAt).toEqual(new Date(later));
    expect(retryOldestOutboxEntryNow(store.db, new Date(later))).toBe(false);
    connectivity.reportAnswered();
    expect(await sendOutbox(deps(engine, () => later))).toEqual({ kind: 'empty', sent: 2 });
  });

  it('a confirm whose answer is always late, to an engine whose probe answers, is sent a handful of times in a minute', async () => {
    const slowButThere = createConnectivity({
      probe: () => Promise.resolve(true),
      probeIntervalMs: 1000,
      log: silentLog,
      schedule: manualSchedule().schedule,
    });
    queue(1);
    const sent: string[] = [];
    const engine = {
      addBasket: (request: EncodedAddBasket): Promise<Answer> => {
        sent.push(request.basketCode);
        return Promise.resolve(unreachable());
      },
    };
    // a pass every second for a minute, as often as any wake-up could run one
    for (let second = 0; second < 60; second += 1) {
      const outcome = await sendOutbox({
        ...deps(engine, () => NOW + second * 1000),
        connectivity: slowButThere,
        random: Math.random,
      });
      expect(outcome.kind).toBe('waiting');
      await settle();
    }
    expect(slowButThere.isOnline()).toBe(true);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(sent.length).toBeLessThanOrEqual(7);
    expect(oldestOutboxEntry(store.db)?.attempts).toBe(sent.length);
    slowButThere.stop();
  });

  it('another failure backs off with jitter, and the entries behind it wait in order', async () => {
    queue(1, 2);
    let now = NOW;
    const engine = scriptedEngine(
      refused('retryable', 'internal_error'),
      refused('retryable', 'internal_error'),
      stored(),
      stored(),
    );
    const run = () => sendOutbox(deps(engine, () => now));
    expect(await run()).toEqual({ kind: 'waiting', sent: 0, until: NOW + 500 });
    expect(await run()).toEqual({ kind: 'waiting', sent: 0, until: NOW + 500 });
    now = NOW + 500;
    expect(await run()).toEqual({ kind: 'waiting', sent: 0, until: now + 1000 });
    expect(oldestOutboxEntry(store.db)).toMatchObject({
      basketCode: code(1),
      attempts: 2,
      lastError: 'internal_error',
    });
    now += 1000;
    expect(await run()).toEqual({ kind: 'empty', sent: 2 });
    expect(engine.sent).toEqual([code(1), code(1), code(1), code(2)]);
  });

  it('an entry the engine refuses as malformed is parked as a conflict, not retried forever', async () => {
    queue(1, 2);
    const engine = scriptedEngine(refused('refused', 'invalid_parameters'), stored());
    expect(await sendOutbox(deps(engine))).toEqual({ kind: 'empty', sent: 1 });
    expect(countOutbox(store.db)).toBe(0);
    expect(listConflicts(store.db)).toEqual([
      expect.objectContaining({
        basketCode: code(1),
        reason: 'rejected_by_engine',
        message: expect.stringContaining('invalid_parameters') as unknown,
        acknowledgedAt: null,
      }),
    ]);
    expect(findSale(store.db, code(1))).toMatchObject({ state: 'confirmed', syncedAt: null });
    expect(findSale(store.db, code(2))?.syncedAt).toEqual(new Date(NOW));
  });

  it('a stored request that no longer reads is parked, never sent', async () => {
    queue(1);
    store.db.prepare(`UPDATE outbox SET request = '{"basket":{}}'`).run();
    const engine = scriptedEngine();
    expect(await sendOutbox(deps(engine))).toEqual({ kind: 'empty', sent: 0 });
    expect(listConflicts(store.db).map((conflict) => conflict.reason)).toEqual([
      'unreadable_outbox_entry',
    ]);
  });

  it("the engine's voucher warnings become conflicts, named by the code the cashier scanned", async () => {
    queue(1);
    const key = KEY.slice(0, 63) + '1';
    const engine = scriptedEngine(
      stored([
        {
          code: 'voucher_already_redeemed',
          name: 'voucher_already_redeemed',
          message: 'This voucher has already been used.',
          voucherKey: key,
        },
        {
          code: 'original_basket_item_not_found',
          name: 'original_basket_item_not_found',
          message: 'not a voucher',
          subject: 'line_1',
        },
      ]),
    );
    expect(await sendOutbox(deps(engine))).toEqual({ kind: 'empty', sent: 1 });
    expect(listConflicts(store.db)).toEqual([
      expect.objectContaining({
        basketCode: code(1),
        reason: 'voucher_already_redeemed',
        voucherRef: 'HONOUR-COFFEE-0001',
        createdAt: new Date(NOW),
      }),
    ]);
  });

  it('a sale the engine stored without its unknown card is delivered: no conflict; the warning and the vouchers issued are journaled', async () => {
    queue(1);
    const remainder: StoredBasket['created'][number] = {
      voucherKey: 'e'.repeat(64),
      code: 'REST-0001',
      amount: 200,
      expiresAt: '2027-01-31T23:00:00.000Z',
      ownerMemberNumber: null,
      origin: 'remainder',
      from: { voucherKey: 'f'.repeat(64), code: 'GIFT-7EUR' },
    };
    const engine = scriptedEngine(
      stored(
        [
          {
            code: 'member_not_found',
            name: 'member_not_found',
            message: 'The voucher engine does not know this loyalty card.',
          },
        ],
        false,
        [remainder],
      ),
    );
    expect(await sendOutbox(deps(engine))).toEqual({ kind: 'empty', sent: 1 });
    expect(countOutbox(store.db)).toBe(0);
    expect(listConflicts(store.db)).toEqual([]);
    const sale = findSale(store.db, code(1));
    expect(sale?.syncedAt).toEqual(new Date(NOW));
    expect(sale?.vouchersCreated).toEqual([remainder]);
    expect(sale?.warnings).toEqual([
      {
        code: 'member_not_found',
        message: 'The voucher engine does not know this loyalty card.',
        voucherRef: null,
        params: {},
      },
    ]);
  });

  it('a charge the engine does not explain is a known warning about the sale: journaled with it, no conflict', async () => {
    queue(1);
    const mismatch = toEngineWarning({
      code: 1202,
      name: 'basket_price_mismatch',
      description: 'The till charged 19 for the basket total; the engine priced it at 18.',
      message: { field: 'basket_total_price', amount_charged: 19, amount_priced: 18 },
    });
    expect(mismatch.code).toBe('basket_price_mismatch');
    const engine = scriptedEngine(stored([mismatch]));
    expect(await sendOutbox(deps(engine))).toEqual({ kind: 'empty', sent: 1 });
    expect(countOutbox(store.db)).toBe(0);
    expect(listConflicts(store.db)).toEqual([]);
    expect(findSale(store.db, code(1))?.warnings).toEqual([
      {
        code: 'basket_price_mismatch',
        message: 'The till charged 19 for the basket total; the engine priced it at 18.',
        voucherRef: null,
        params: {},
      },
    ]);
  });

  it('waits while offline or until the entry is due, without calling the engine', async () => {
    queue(1);
    const engine = scriptedEngine();
    expect(await sendOutbox(deps(engine, () => NOW - 120_000))).toEqual({
      kind: 'waiting',
      sent: 0,
      until: NOW - 60_000 + 1,
    });
    await connectivity.probeNow();
    expect(await sendOutbox(deps(engine))).toEqual({ kind: 'offline', sent: 0 });
    expect(engine.sent).toEqual([]);
  });

  it('never sends an entry a confirm is sending right now; the entries behind it wait', async () => {
    queue(1);
    startOnlineConfirm(store.db, { basketCode: code(2), confirmedAt: new Date(NOW - 30_000) });
    queue(3);
    const engine = scriptedEngine(stored(), stored());
    expect(await sendOutbox(deps(engine))).toEqual({ kind: 'busy', sent: 1 });
    expect(await sendOutbox(deps(engine))).toEqual({ kind: 'busy', sent: 0 });
    expect(engine.sent).toEqual([code(1)]);
    expect(oldestOutboxEntry(store.db)).toMatchObject({ basketCode: code(2), state: 'in_flight' });
  });

  it('hands an interrupted confirm to the core in its place in the queue', async () => {
    queue(1);
    startOnlineConfirm(store.db, { basketCode: code(2), confirmedAt: new Date(NOW - 30_000) });
    handOverUnfinishedConfirm(store.db, code(2));
    queue(3);
    const order: string[] = [];
    const engine = scriptedEngine(
      (request) => {
        order.push(request.basketCode);
        return stored()();
      },
      (request) => {
        order.push(request.basketCode);
        return stored()();
      },
    );
    const answers: ResumedConfirm[] = ['unanswered', 'confirmed'];
    const resumeConfirm = (entry: OutboxEntry): Promise<ResumedConfirm> => {
      order.push(`resumed ${entry.basketCode} (${entry.state})`);
      const answer = answers.shift() ?? 'unanswered';
      if (answer === 'unanswered') handOverUnfinishedConfirm(store.db, entry.basketCode);
      else dropUnfinishedConfirm(store.db, entry.basketCode);
      return Promise.resolve(answer);
    };
    let now = NOW;
    const withResume = { ...deps(engine, () => now), resumeConfirm };
    // unanswered: it waits out its backoff like any other failed send
    expect(await sendOutbox(withResume)).toEqual({ kind: 'waiting', sent: 1, until: NOW + 500 });
    expect(countOutbox(store.db)).toBe(2);
    expect(oldestOutboxEntry(store.db)).toMatchObject({ basketCode: code(2), attempts: 1 });
    now = NOW + 500;
    expect(await sendOutbox(withResume)).toEqual({ kind: 'empty', sent: 2 });
    expect(order).toEqual([
      code(1),
      `resumed ${code(2)} (in_flight)`,
      `resumed ${code(2)} (in_flight)`,
      code(3),
    ]);
  });
});
