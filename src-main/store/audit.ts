import type { Database } from 'better-sqlite3';
import { z } from 'zod';

/** One entry of the local audit log (manager unlocks, voids, overrides …); the table is append-only. */
export interface AuditEntry {
  readonly id: number;
  readonly at: Date;
  /** Who: a manager's engine username, or `terminal:<id>` for the till itself. */
  readonly actor: string;
  readonly action: string;
  readonly voucherKey: string | null;
  readonly basketCode: string | null;
  readonly detail: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

const auditRow = z.object({
  id: z.number().int(),
  at: z.number().int(),
  actor: z.string(),
  action: z.string(),
  voucher_key: z.string().nullable(),
  basket_code: z.string().nullable(),
  detail: z.string(),
});

export function appendAudit(db: Database, entry: NewAuditEntry): number {
  const result = db
    .prepare(
      `INSERT INTO audit (at, actor, action, voucher_key, basket_code, detail)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      entry.at.getTime(),
      entry.actor,
      entry.action,
      entry.voucherKey,
      entry.basketCode,
      entry.detail,
    );
  return Number(result.lastInsertRowid);
}

/** The newest entries first. */
export function listAudit(db: Database, limit = 100): AuditEntry[] {
  const rows: unknown[] = db
    .prepare('SELECT * FROM audit ORDER BY at DESC, id DESC LIMIT ?')
    .all(limit);
  return rows.map((raw) => {
    const row = auditRow.parse(raw);
    return {
      id: row.id,
      at: new Date(row.at),
      actor: row.actor,
      action: row.action,
      voucherKey: row.voucher_key,
      basketCode: row.basket_code,
      detail: row.detail,
    };
  });
}
