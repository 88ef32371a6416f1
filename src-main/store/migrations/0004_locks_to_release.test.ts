import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { openTempStore, tableNames, type TempStore } from '../../../test-support/till/temp-store';

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

describe('migration 0004_locks_to_release', () => {
  it('adds the table of basket codes whose locks are still to be released, one row per code', () => {
    store = openTempStore(3);
    const { db } = store;
    expect(migrate(db, 4)).toEqual({ ok: true, value: { from: 3, to: 4 } });
    expect(tableNames(db)).toContain('locks_to_release');
    const insert = db.prepare(
      'INSERT INTO locks_to_release (basket_code, recorded_at) VALUES (?, ?)',
    );
    insert.run('S001-01-20261123-0001', 1);
    expect(() => insert.run('S001-01-20261123-0001', 2)).toThrow(/UNIQUE constraint failed/);
    expect(() => insert.run('S001-01-20261123-0002', 'soon')).toThrow(/cannot store TEXT value/);
  });
});
