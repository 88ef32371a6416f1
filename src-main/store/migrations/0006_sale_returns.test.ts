import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { openTempStore, tableNames, type TempStore } from '../../../test-support/till/temp-store';

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

describe('migration 0006_sale_returns', () => {
  it('adds the table of what each return line gave back, one row per return line', () => {
    store = openTempStore(5);
    const { db } = store;
    expect(migrate(db, 6)).toEqual({ ok: true, value: { from: 5, to: 6 } });
    expect(tableNames(db)).toContain('sale_returns');
    db.prepare(
      `INSERT INTO sales (basket_code, state, currency, started_at, payload) VALUES (?, 'open', 'EUR', 1, '{}')`,
    ).run('S001-01-20261123-0002');
    const insert = db.prepare(
      `INSERT INTO sale_returns (return_basket_code, return_line_id, original_basket_code, original_line_id, quantity)
       VALUES (?, ?, ?, ?, ?)`,
    );
    insert.run('S001-01-20261123-0002', 'line_1', 'S001-01-20261123-0001', 'line_1', 1);
    expect(() =>
      insert.run('S001-01-20261123-0002', 'line_1', 'S001-01-20261123-0001', 'line_2', 1),
    ).toThrow(/UNIQUE constraint failed/);
    expect(() =>
      insert.run('S001-01-20261123-0002', 'line_2', 'S001-01-20261123-0001', 'line_2', 0),
    ).toThrow(/CHECK constraint failed/);
  });
});
