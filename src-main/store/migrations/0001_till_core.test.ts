import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../migrate';
import { openTempStore, tableNames, type TempStore } from '../../../test-support/till/temp-store';

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

describe('migration 0001_till_core', () => {
  it('creates the catalogue, journal, audit log and basket-code counter with their rules', () => {
    store = openTempStore(0);
    const { db } = store;
    expect(tableNames(db)).toEqual([]);
    expect(migrate(db, 1)).toEqual({ ok: true, value: { from: 0, to: 1 } });
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['audit', 'basket_code_sequence', 'catalogue', 'sales']);

    db.prepare(
      `INSERT INTO catalogue (barcode, name, unit_price, excluded, updated_at) VALUES ('8712345000011', 'Milk', 129, 0, 0)`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO catalogue (barcode, name, unit_price, updated_at) VALUES ('1', 'Bad', 1.5, 0)`,
        )
        .run(),
    ).toThrow(/cannot store REAL value in INTEGER column/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO sales (basket_code, state, currency, started_at) VALUES ('A', 'paid', 'EUR', 0)`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO sales (basket_code, state, currency, started_at, total_gross, total_discount, total_net)
           VALUES ('A', 'open', 'EUR', 0, 100, 10, 100)`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);

    db.prepare(
      `INSERT INTO audit (at, actor, action) VALUES (1, 'manager-s001', 'voucher_unlocked')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit SET actor = 'someone else'`).run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare(`DELETE FROM audit`).run()).toThrow(/append-only/);
  });
});
