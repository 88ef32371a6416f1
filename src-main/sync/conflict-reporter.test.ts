import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineOutcome, FoundConflict, StoreConflict } from '../engine-client';
import { recordConflict } from '../store';
import { queueOfflineSale } from '../../test-support/till/queued-sale';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';
import { manualSchedule, silentLog } from '../../test-support/till/manual-schedule';
import { conflictsReportedId, reportConflicts } from './conflict-reporter';
import { createConnectivity, type ConnectivityMonitor } from './connectivity';

const BASKET = 'S001-01-20261203-0001';

let store: TempStore;
let connectivity: ConnectivityMonitor;
beforeEach(() => {
  store = openTempStore();
  connectivity = createConnectivity({
    probe: () => Promise.resolve(true),
    probeIntervalMs: 1000,
    log: silentLog,
    schedule: manualSchedule().schedule,
  });
  queueOfflineSale(store.db, { basketCode: BASKET, confirmedAt: new Date() });
});
afterEach(() => {
  connectivity.stop();
  store.dispose();
});

function recordLost(voucherRef: string | null, minute: number): void {
  recordConflict(store.db, {
    basketCode: BASKET,
    reason: voucherRef === null ? 'rejected_by_engine' : 'voucher_already_redeemed',
    message: 'the engine said so',
    voucherRef,
    createdAt: new Date(Date.UTC(2026, 11, 3, 10, minute)),
  });
}

type Answer = (conflicts: readonly FoundConflict[]) => EngineOutcome<StoreConflict[]>;
const kept: Answer = () => ({ ok: true, warnings: [], value: [] });
const away: Answer = () => ({
  ok: false,
  error: { kind: 'unavailable', cause: 'no_connection', message: 'the engine is away' },
});

/** An engine answering each report as told, recording what it was sent. */
function engineAnswering(answers: Answer[]) {
  const reports: FoundConflict[][] = [];
  return {
    reports,
    reportSyncConflicts: ({
      tillId,
      conflicts,
    }: {
      tillId: string;
      conflicts: readonly FoundConflict[];
    }) => {
      expect(tillId).toBe('S001-01');
      reports.push([...conflicts]);
      const answer = answers.shift() ?? kept;
      return Promise.resolve(answer(conflicts));
    },
  };
}

const report = (engine: ReturnType<typeof engineAnswering>) =>
  reportConflicts({ db: store.db, engine, connectivity, now: () => 0, tillId: 'S001-01' });

describe('reporting the sync conflicts to the engine', () => {
  it('reports what the engine has not acknowledged, and again after an unanswered report', async () => {
    recordLost('FREE-COFFEE-01', 1);
    recordLost(null, 2);
    const engine = engineAnswering([away]);
    expect(await report(engine)).toMatchObject({ kind: 'unavailable', sent: 0 });
    expect(conflictsReportedId(store.db)).toBe(0);

    expect(await report(engine)).toEqual({ kind: 'done', sent: 2 });
    expect(engine.reports).toHaveLength(2);
    expect(engine.reports[1]).toEqual([
      expect.objectContaining({
        basketCode: BASKET,
        reason: 'voucher_already_redeemed',
        voucherRef: 'FREE-COFFEE-01',
        occurredAt: new Date(Date.UTC(2026, 11, 3, 10, 1)),
      }),
      expect.objectContaining({ reason: 'rejected_by_engine', voucherRef: null }),
    ]);

    expect(await report(engine)).toEqual({ kind: 'done', sent: 0 });
    expect(engine.reports).toHaveLength(2);
    recordLost('FREE-COFFEE-02', 3);
    expect(await report(engine)).toEqual({ kind: 'done', sent: 1 });
    expect(engine.reports.at(-1)?.map((conflict) => conflict.voucherRef)).toEqual([
      'FREE-COFFEE-02',
    ]);
  });

  it('keeps a refused report to try again, and says why', async () => {
    recordLost('FREE-COFFEE-01', 1);
    const engine = engineAnswering([
      () => ({
        ok: false,
        error: {
          kind: 'rejected',
          reason: 'refused',
          message: 'no such call',
          name: 'not_found',
          code: 1005,
          description: 'no such call',
        },
      }),
    ]);
    expect(await report(engine)).toEqual({ kind: 'refused', sent: 0, message: 'no such call' });
    expect(conflictsReportedId(store.db)).toBe(0);
    expect(await report(engine)).toEqual({ kind: 'done', sent: 1 });
  });
});
