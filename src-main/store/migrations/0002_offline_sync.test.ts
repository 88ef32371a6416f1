import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { openTempStore, tableNames, type TempStore } from '../../../test-support/till/temp-store';

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

describe('migration 0002_offline_sync', () => {
  it('adds the outbox, honour cache, sync state and conflicts beside the existing journal', () => {
    store = openTempStore(1);
    const { db } = store;
    db.prepare(
      `INSERT INTO sales (basket_code, state, currency, started_at, confirmed_at, priced_by)
       VALUES ('S001-01-20261123-0001', 'confirmed', 'EUR', 1, 2, 'local')`,
    ).run();

    expect(migrate(db, 2)).toEqual({ ok: true, value: { from: 1, to: 2 } });
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['outbox', 'honour_cache', 'sync_state', 'conflicts', 'sales']),
    );
    expect(db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(1);

    db.prepare(
      `INSERT INTO outbox (basket_code, request, created_at, next_attempt_at)
       VALUES ('S001-01-20261123-0001', '{"basket":{}}', 2, 2)`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO outbox (basket_code, request, created_at, next_attempt_at) VALUES ('nope', '{}', 2, 2)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    db.prepare(
      `INSERT INTO conflicts (basket_code, reason, message, created_at)
       VALUES ('S001-01-20261123-0001', 'voucher_already_redeemed', 'used elsewhere', 3)`,
    ).run();
    expect(() => db.prepare(`UPDATE conflicts SET acknowledged_at = 4`).run()).toThrow(
      /CHECK constraint failed/,
    );
    expect(() =>
      db
        .prepare(
          `INSERT INTO honour_cache (voucher_key, code, honour_code, rev, voucher, updated_at)
           VALUES ('short', 'C', 'FREE-COFFEE', 1, '{}', 1)`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
