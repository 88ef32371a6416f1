import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, auditEntriesAfter, verifyAuditChain } from './audit';
import { openStore } from './open-store';
import { openTempStore, type TempStore } from '../../test-support/till/temp-store';

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
  for (let n = 1; n <= 5; n += 1)
    appendAudit(store.db, {
      at: new Date(Date.UTC(2026, 10, 23, 10, n)),
      actor: 'manager-s001',
      action: 'unlock_voucher',
      voucherKey: `key-${n}`,
      basketCode: null,
      voucherCode: null,
      subject: null,
      detail: `customer ${n} walked out`,
    });
});
afterEach(() => {
  store.dispose();
});

/** What an attacker holding the file does: another connection, the append-only triggers dropped. */
function tamper(statements: string): void {
  const file = new SQLite(store.path);
  try {
    file.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
    file.exec(statements);
  } finally {
    file.close();
  }
}

describe('the local audit log as a hash chain', () => {
  it('chains each entry to the one before and verifies an untouched log', () => {
    const entries = auditEntriesAfter(store.db, 0, 10);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]?.prevHash).toBe('0'.repeat(64));
    expect(entries[1]?.prevHash).toBe(entries[0]?.rowHash);
    expect(auditEntriesAfter(store.db, 3, 10).map((entry) => entry.seq)).toEqual([4, 5]);
    expect(verifyAuditChain(store.db)).toEqual({ ok: true, checked: 5 });
  });

  it('keeps refusing UPDATE and DELETE through the till', () => {
    expect(() => store.db.prepare('UPDATE audit SET detail = ? WHERE seq = 1').run('x')).toThrow(
      /append-only/,
    );
    expect(() => store.db.prepare('DELETE FROM audit WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('finds an edited entry', () => {
    tamper(`UPDATE audit SET detail = 'nothing happened' WHERE seq = 3`);
    const report = verifyAuditChain(store.db);
    expect(report).toMatchObject({
      ok: false,
      checked: 3,
      brokenAt: { seq: 3, reason: 'row_hash_mismatch' },
      brokenEntry: { seq: 3, voucherKey: 'key-3', detail: 'nothing happened' },
    });
  });

  it('finds a removed entry', () => {
    tamper('DELETE FROM audit WHERE seq = 2');
    expect(verifyAuditChain(store.db)).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, reason: 'seq_gap' },
      brokenEntry: { voucherKey: 'key-3' },
    });
  });

  it('finds two entries swapped', () => {
    tamper(`
      UPDATE audit SET seq = 1000 WHERE seq = 3;
      UPDATE audit SET seq = 3 WHERE seq = 4;
      UPDATE audit SET seq = 4 WHERE seq = 1000;`);
    expect(verifyAuditChain(store.db)).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, reason: 'prev_hash_mismatch' },
      brokenEntry: { voucherKey: 'key-4' },
    });
  });

  it('continues the chain across a reopened file', () => {
    store.db.close();
    const opened = openStore(store.path);
    if (!opened.ok) throw new Error(opened.error.message);
    const reopened = opened.value;
    appendAudit(reopened, {
      at: new Date(Date.UTC(2026, 10, 24)),
      actor: 'terminal:01',
      action: 'sale_voided_after_restart',
      voucherKey: null,
      basketCode: 'S001-01-20261124-0001',
      voucherCode: null,
      subject: null,
      detail: '',
    });
    expect(verifyAuditChain(reopened)).toEqual({ ok: true, checked: 6 });
    reopened.close();
  });
});
