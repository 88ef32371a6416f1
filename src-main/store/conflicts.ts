import type { Database } from 'better-sqlite3';
import { z } from 'zod';

/** Something sync found that a manager must see: a voucher used elsewhere, a sale the engine refused. */
export interface SyncConflict {
  readonly id: number;
  readonly basketCode: string;
  /** A stable code: the engine's warning name (e.g. `voucher_already_redeemed`) or `rejected_by_engine`. */
  readonly reason: string;
  readonly message: string;
  /** The voucher it is about, by its code where known, else its key. */
  readonly voucherRef: string | null;
  readonly createdAt: Date;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgedBy: string | null;
}

export type NewSyncConflict = Pick<
  SyncConflict,
  'basketCode' | 'reason' | 'message' | 'voucherRef' | 'createdAt'
>;

/** The engine refused a queued sale outright (malformed, or another basket under its code). */
export const REJECTED_BY_ENGINE = 'rejected_by_engine';
/** A queued request that no longer passes the wire schema: the till will not send it. */
export const UNREADABLE_OUTBOX_ENTRY = 'unreadable_outbox_entry';

const conflictRow = z.object({
  id: z.number().int(),
  basket_code: z.string(),
  reason: z.string(),
  message: z.string(),
  voucher_ref: z.string().nullable(),
  created_at: z.number().int(),
  acknowledged_at: z.number().int().nullable(),
  acknowledged_by: z.string().nullable(),
});

export function recordConflict(db: Database, conflict: NewSyncConflict): number {
  const result = db
    .prepare(
      `INSERT INTO conflicts (basket_code, reason, message, voucher_ref, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(
      conflict.basketCode,
      conflict.reason,
      conflict.message,
      conflict.voucherRef,
      conflict.createdAt.getTime(),
    );
  return Number(result.lastInsertRowid);
}

/** Open conflicts first (oldest first), then acknowledged ones (newest first). */
export function listConflicts(db: Database, limit = 200): SyncConflict[] {
  const rows: unknown[] = db
    .prepare(
      `SELECT * FROM conflicts
       ORDER BY acknowledged_at IS NOT NULL,
         CASE WHEN acknowledged_at IS NULL THEN created_at ELSE -acknowledged_at END, id
       LIMIT ?`,
    )
    .all(limit);
  return rows.map((row) => toConflict(conflictRow.parse(row)));
}

/** Conflicts recorded after the one with id `afterId`, oldest first: those not reported yet. */
export function conflictsAfter(db: Database, afterId: number, limit: number): SyncConflict[] {
  const rows: unknown[] = db
    .prepare('SELECT * FROM conflicts WHERE id > ? ORDER BY id LIMIT ?')
    .all(afterId, limit);
  return rows.map((row) => toConflict(conflictRow.parse(row)));
}

export function findConflict(db: Database, id: number): SyncConflict | undefined {
  const row: unknown = db.prepare('SELECT * FROM conflicts WHERE id = ?').get(id);
  return row === undefined ? undefined : toConflict(conflictRow.parse(row));
}

export function countOpenConflicts(db: Database): number {
  return z
    .number()
    .int()
    .parse(
      db.prepare('SELECT count(*) FROM conflicts WHERE acknowledged_at IS NULL').pluck().get(),
    );
}

/** false when there is no such conflict or it was acknowledged already. */
export function acknowledgeConflict(db: Database, id: number, by: string, at: Date): boolean {
  const result = db
    .prepare(
      `UPDATE conflicts SET acknowledged_at = ?, acknowledged_by = ?
       WHERE id = ? AND acknowledged_at IS NULL`,
    )
    .run(at.getTime(), by, id);
  return result.changes === 1;
}

/**
 * Settles the open conflicts of one sale and reason, acknowledged on the engine (where the
 * store's managers see them); the number settled.
 */
export function acknowledgeConflictsOfSale(
  db: Database,
  sale: { basketCode: string; reason: string; by: string; at: Date },
): number {
  return db
    .prepare(
      `UPDATE conflicts SET acknowledged_at = ?, acknowledged_by = ?
       WHERE basket_code = ? AND reason = ? AND acknowledged_at IS NULL`,
    )
    .run(sale.at.getTime(), sale.by, sale.basketCode, sale.reason).changes;
}

function toConflict(row: z.infer<typeof conflictRow>): SyncConflict {
  return {
    id: row.id,
    basketCode: row.basket_code,
    reason: row.reason,
    message: row.message,
    voucherRef: row.voucher_ref,
    createdAt: new Date(row.created_at),
    acknowledgedAt: row.acknowledged_at === null ? null : new Date(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
  };
}
