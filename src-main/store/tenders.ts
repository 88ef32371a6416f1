import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { SettledTender, TenderKind } from '../../src-shared/till';

/** A tender as the journal keeps it (see migration 0007). */
export interface JournalTender extends SettledTender {
  /** The store's name for an `other` method, as configured when it was taken. */
  readonly name: string | null;
  /** Taken after the confirm: what was still to collect once a voucher was lost. */
  readonly late: boolean;
}

const tenderRow = z.object({
  method: z.string(),
  kind: z.enum(['cash', 'card', 'other']),
  name: z.string().nullable(),
  tendered: z.number().int(),
  amount: z.number().int(),
  change: z.number().int(),
  rounding: z.number().int(),
  late: z.number().int(),
});

/** Adds tenders to a sale's, after those it has. Call inside the transaction that journals them. */
export function recordTenders(
  db: Database,
  basketCode: string,
  tenders: readonly (SettledTender & { readonly name: string | null })[],
  { late, at }: { readonly late: boolean; readonly at: Date },
): void {
  const next = z
    .number()
    .int()
    .parse(
      db.prepare('SELECT count(*) FROM sale_tenders WHERE basket_code = ?').pluck().get(basketCode),
    );
  const insert = db.prepare(
    `INSERT INTO sale_tenders
       (basket_code, position, method, kind, name, tendered, amount, change, rounding, late, recorded_at)
     VALUES (@basketCode, @position, @method, @kind, @name, @tendered, @amount, @change, @rounding, @late, @at)`,
  );
  tenders.forEach((tender, index) => {
    insert.run({
      basketCode,
      position: next + index,
      method: tender.method,
      kind: tender.kind satisfies TenderKind,
      name: tender.name,
      tendered: tender.tendered,
      amount: tender.amount,
      change: tender.change,
      rounding: tender.rounding,
      late: late ? 1 : 0,
      at: at.getTime(),
    });
  });
}

/** A sale's tenders in the order they were taken; none for a sale a host POS took payment for. */
export function listTenders(db: Database, basketCode: string): JournalTender[] {
  const rows: unknown[] = db
    .prepare(
      `SELECT method, kind, name, tendered, amount, change, rounding, late
       FROM sale_tenders WHERE basket_code = ? ORDER BY position`,
    )
    .all(basketCode);
  return rows.map((row) => {
    const parsed = tenderRow.parse(row);
    return { ...parsed, late: parsed.late === 1 };
  });
}
