import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AuditHeld,
  AuditLink,
  EngineOutcome,
  HonourFeedPage,
  StoreConflict,
  StoredBasket,
} from '../engine-client';
import { countOutbox, findSale, honourCacheState } from '../store';
import { queueOfflineSale } from '../../test-support/till/queued-sale';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';
import { generateFeedKeyPair } from '../../src-node/feed-signature';
import { feedTrust, signedEmptyPage } from '../../test-support/till/signed-feed';
import { createConnectivity } from './connectivity';
import { OUTBOX_POLL_MS, startSync } from './start-sync';
import {
  manualSchedule,
  noInterruptedConfirm,
  silentLog,
} from '../../test-support/till/manual-schedule';

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
});
afterEach(() => {
  store.dispose();
});

const feedKeys = generateFeedKeyPair();
const feed = feedTrust([feedKeys]);
const emptyFeed = (page: {
  cursor: number;
  limit: number;
}): Promise<EngineOutcome<HonourFeedPage>> =>
  Promise.resolve({
    ok: true,
    warnings: [],
    value: signedEmptyPage(feedKeys, { chainId: 1, ...page }),
  });
/** An engine that holds whatever audit entries it is sent. */
const auditHeld = (batch: { links: readonly AuditLink[] }): Promise<EngineOutcome<AuditHeld>> =>
  Promise.resolve({ ok: true, warnings: [], value: { headSeq: batch.links.at(-1)?.seq ?? 0 } });
/** An engine that keeps whatever sync conflicts it is told of. */
const conflictsKept = (): Promise<EngineOutcome<StoreConflict[]>> =>
  Promise.resolve({ ok: true, warnings: [], value: [] });
const acknowledged = (): EngineOutcome<StoredBasket> => ({
  ok: true,
  warnings: [],
  value: {
    basketId: 1,
    lines: [],
    vouchers: [],
    totals: { gross: 145, discount: 0, net: 145 },
    redeemedKeys: [],
    replayed: false,
    created: [],
  },
});

describe('startSync', () => {
  it('stop() waits for the add-basket in flight and records its acknowledgement', async () => {
    queueOfflineSale(store.db, { basketCode: 'S001-01-20261123-0001', confirmedAt: new Date() });
    const timers = manualSchedule();
    const pending: { answer?: () => void } = {};
    const connectivity = createConnectivity({
      probe: () => Promise.resolve(true),
      probeIntervalMs: 1000,
      log: silentLog,
      schedule: timers.schedule,
    });
    const sync = startSync({
      db: store.db,
      feed,
      connectivity,
      log: silentLog,
      schedule: timers.schedule,
      resumeConfirm: noInterruptedConfirm,
      tillId: 'S001-01',
      engine: {
        sendTillAudit: auditHeld,
        reportSyncConflicts: conflictsKept,
        syncHonourVouchers: emptyFeed,
        addBasket: () =>
          new Promise((resolve) => {
            pending.answer = () => {
              resolve(acknowledged());
            };
          }),
      },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(pending.answer).toBeDefined();
    const stopped = sync.stop();
    let done = false;
    void stopped.then(() => {
      done = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    expect(countOutbox(store.db)).toBe(1);
    pending.answer?.();
    await stopped;
    expect(countOutbox(store.db)).toBe(0);
    expect(findSale(store.db, 'S001-01-20261123-0001')?.syncedAt).not.toBeNull();
    expect(honourCacheState(store.db).cursor).toBe(0);
    connectivity.stop();
  });

  it('syncNow probes an offline engine first, then syncs', async () => {
    const timers = manualSchedule();
    const answers = [false];
    const connectivity = createConnectivity({
      probe: () => Promise.resolve(answers.shift() ?? true),
      probeIntervalMs: 1000,
      log: silentLog,
      schedule: timers.schedule,
    });
    expect(await connectivity.probeNow()).toBe(false);
    const sync = startSync({
      db: store.db,
      feed,
      connectivity,
      log: silentLog,
      schedule: timers.schedule,
      resumeConfirm: noInterruptedConfirm,
      tillId: 'S001-01',
      engine: {
        sendTillAudit: auditHeld,
        reportSyncConflicts: conflictsKept,
        syncHonourVouchers: emptyFeed,
        addBasket: () => Promise.resolve(acknowledged()),
      },
    });
    expect(honourCacheState(store.db).cursor).toBeNull();
    await sync.syncNow();
    expect(connectivity.isOnline()).toBe(true);
    expect(honourCacheState(store.db).cursor).toBe(0);
    await sync.stop();
    connectivity.stop();
  });

  it('a feed that gets no usable answer from an engine the probe still finds is asked again with backoff, not left until woken', async () => {
    const timers = manualSchedule();
    const connectivity = createConnectivity({
      probe: () => Promise.resolve(true),
      probeIntervalMs: 1000,
      log: silentLog,
      schedule: manualSchedule().schedule,
    });
    let pulls = 0;
    const sync = startSync({
      db: store.db,
      feed,
      connectivity,
      log: silentLog,
      schedule: timers.schedule,
      random: () => 0,
      resumeConfirm: noInterruptedConfirm,
      tillId: 'S001-01',
      engine: {
        sendTillAudit: auditHeld,
        reportSyncConflicts: conflictsKept,
        syncHonourVouchers: () => {
          pulls += 1;
          return Promise.resolve({
            ok: false,
            error: { kind: 'unavailable', cause: 'timeout', message: 'too slow' },
          });
        },
        addBasket: () => Promise.resolve(acknowledged()),
      },
    });
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    await settle();
    expect(connectivity.isOnline()).toBe(true);
    // the honour worker's backoff beside the outbox worker's poll of an empty outbox
    expect(timers.pending().sort((a, b) => a - b)).toEqual([500, OUTBOX_POLL_MS]);
    timers.fireAll();
    await settle();
    await settle();
    expect(timers.pending().sort((a, b) => a - b)).toEqual([1000, OUTBOX_POLL_MS]);
    expect(pulls).toBe(2);
    await sync.stop();
    connectivity.stop();
  });
});
