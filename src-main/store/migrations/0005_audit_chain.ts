import { z } from 'zod';
import { chainNext, tillAuditColumnsContent, type ChainHead } from '../../../src-node/audit-chain';
import type { Migration } from './migration';

const oldRow = z.object({
  id: z.number().int(),
  at: z.number().int(),
  actor: z.string(),
  action: z.string(),
  voucher_key: z.string().nullable(),
  basket_code: z.string().nullable(),
  detail: z.string(),
});

/**
 * The audit log becomes a hash chain (docs/security.md, "Tamper-evident audit"): each entry
 * gets its `seq`, `prev_hash` and `row_hash` (src-node/audit-chain.ts). The table is rebuilt
 * with the three columns required, the entries already there chained in the order they were
 * written (by id), and the append-only triggers put back.
 */
export const migration0005: Migration = {
  version: 5,
  name: '0005_audit_chain',
  up(db) {
    db.exec(`
      CREATE TABLE audit_chained (
        id INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
        at INTEGER NOT NULL,
        actor TEXT NOT NULL CHECK (length(actor) > 0),
        action TEXT NOT NULL CHECK (length(action) > 0),
        voucher_key TEXT,
        basket_code TEXT,
        detail TEXT NOT NULL DEFAULT '',
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        row_hash TEXT NOT NULL CHECK (length(row_hash) = 64)
      ) STRICT;
    `);
    const insert = db.prepare(
      `INSERT INTO audit_chained
         (id, seq, at, actor, action, voucher_key, basket_code, detail, prev_hash, row_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let last: ChainHead | undefined;
    const rows: unknown[] = db.prepare('SELECT * FROM audit ORDER BY id').all();
    for (const raw of rows) {
      const row = oldRow.parse(raw);
      const link = chainNext(last, tillAuditColumnsContent(row));
      insert.run(
        row.id,
        link.seq,
        row.at,
        row.actor,
        row.action,
        row.voucher_key,
        row.basket_code,
        row.detail,
        link.prevHash,
        link.rowHash,
      );
      last = link;
    }
    db.exec(`
      DROP TABLE audit;
      ALTER TABLE audit_chained RENAME TO audit;
      CREATE INDEX audit_by_at ON audit (at);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `);
  },
};
