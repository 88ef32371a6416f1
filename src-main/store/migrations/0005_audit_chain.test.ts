import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit';
import { migrate } from '../migrate';
import { openTempStore, type TempStore } from '../../../test-support/till/temp-store';

let store: TempStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

describe('migration 0005_audit_chain', () => {
  it('chains the entries already there in the order they were written, and stays append-only', () => {
    store = openTempStore(4);
    const { db } = store;
    const insert = db.prepare(
      'INSERT INTO audit (at, actor, action, voucher_key, basket_code, detail) VALUES (?, ?, ?, ?, ?, ?)',
    );
    insert.run(20, 'manager-s001', 'unlock_voucher', 'k1', null, 'first');
    // a clock set back: written second, at an earlier instant
    insert.run(10, 'terminal:01', 'sale_voided_after_restart', null, 'S001-01-20261123-0001', '');
    insert.run(30, 'manager-s001', 'acknowledge_sync_conflict', null, null, 'third');
    expect(migrate(db, 5)).toEqual({ ok: true, value: { from: 4, to: 5 } });

    const rows: unknown[] = db.prepare('SELECT id, seq, detail FROM audit ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, seq: 1, detail: 'first' },
      { id: 2, seq: 2, detail: '' },
      { id: 3, seq: 3, detail: 'third' },
    ]);
    expect(verifyAuditChain(db)).toEqual({ ok: true, checked: 3 });
    expect(() => db.prepare('UPDATE audit SET detail = ? WHERE id = 1').run('x')).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
  });

  it('chains an empty log', () => {
    store = openTempStore(4);
    expect(migrate(store.db, 5)).toEqual({ ok: true, value: { from: 4, to: 5 } });
    expect(verifyAuditChain(store.db)).toEqual({ ok: true, checked: 0 });
  });
});
