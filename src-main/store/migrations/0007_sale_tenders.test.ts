import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { openTempStore, tableNames, type TempStore } from '../../../test-support/till/temp-store';

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

describe('migration 0007_sale_tenders', () => {
  it('adds the tenders of each sale, one per position, each paying what was handed over less its change', () => {
    store = openTempStore(6);
    const { db } = store;
    expect(migrate(db, 7)).toEqual({ ok: true, value: { from: 6, to: 7 } });
    expect(tableNames(db)).toContain('sale_tenders');
    db.prepare(
      `INSERT INTO sales (basket_code, state, currency, started_at) VALUES ('S001-01-20261123-0001', 'open', 'EUR', 1)`,
    ).run();
    const insert = db.prepare(
      `INSERT INTO sale_tenders (basket_code, position, method, kind, tendered, amount, change, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    insert.run('S001-01-20261123-0001', 0, 'card', 'card', 1000, 1000, 0);
    insert.run('S001-01-20261123-0001', 1, 'cash', 'cash', 2000, 475, 1525);
    expect(() => insert.run('S001-01-20261123-0001', 1, 'cash', 'cash', 500, 500, 0)).toThrow(
      /UNIQUE constraint failed/,
    );
    expect(() => insert.run('S001-01-20261123-0001', 2, 'cash', 'cash', 500, 400, 0)).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => insert.run('S001-01-20261123-0001', 2, 'cheque', 'cheque', 5, 5, 0)).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => insert.run('S001-01-20261123-0404', 2, 'cash', 'cash', 5, 5, 0)).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });
});
