import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  EMPTY_PAYLOAD,
  salePayloadSchema,
  type JournalCreatedVoucher,
  type JournalLine,
  type JournalVoucher,
  type JournalWarning,
} from './sale-payload';
import { listTenders, recordTenders, type JournalTender } from './tenders';
import { calendarDayWindow, isOnCalendarDay } from './basket-codes';

export type SaleState = 'open' | 'confirmed' | 'voided';
export type PricedBy = 'engine' | 'local';

export interface SaleTotals {
  readonly gross: number;
  readonly discount: number;
  readonly net: number;
}

/** A sale as the journal holds it. */
export interface JournalSale {
  readonly id: number;
  readonly basketCode: string;
  readonly state: SaleState;
  readonly memberNumber: string | null;
  readonly currency: string;
  readonly totals: SaleTotals;
  readonly pricedBy: PricedBy;
  readonly engineBasketId: number | null;
  readonly startedAt: Date;
  readonly confirmedAt: Date | null;
  readonly voidedAt: Date | null;
  /** When the engine acknowledged it; null while it waits in the outbox. */
  readonly syncedAt: Date | null;
  readonly lines: readonly JournalLine[];
  readonly vouchersRedeemed: readonly JournalVoucher[];
  readonly vouchersCreated: readonly JournalCreatedVoucher[];
  readonly warnings: readonly JournalWarning[];
  /** How it was paid, in order; none when a host POS took the payment. */
  readonly tenders: readonly JournalTender[];
}

const instantColumn = z.number().int().nullable();
const saleRow = z.object({
  id: z.number().int(),
  basket_code: z.string(),
  state: z.enum(['open', 'confirmed', 'voided']),
  member_number: z.string().nullable(),
  currency: z.string(),
  total_gross: z.number().int(),
  total_discount: z.number().int(),
  total_net: z.number().int(),
  priced_by: z.enum(['engine', 'local']),
  engine_basket_id: z.number().int().nullable(),
  started_at: z.number().int(),
  confirmed_at: instantColumn,
  voided_at: instantColumn,
  synced_at: instantColumn,
  payload: z.string(),
});
type SaleRow = z.infer<typeof saleRow>;

/** Opens a sale under a freshly allocated basket code, so that a till restarted mid-sale finds it (and can release its locks). */
export function recordOpenSale(
  db: Database,
  sale: { basketCode: string; currency: string; startedAt: Date },
): number {
  const result = db
    .prepare(
      `INSERT INTO sales (basket_code, state, currency, started_at, payload)
       VALUES (?, 'open', ?, ?, ?)`,
    )
    .run(sale.basketCode, sale.currency, sale.startedAt.getTime(), JSON.stringify(EMPTY_PAYLOAD));
  return Number(result.lastInsertRowid);
}

export interface ConfirmedSale {
  readonly memberNumber: string | null;
  readonly totals: SaleTotals;
  readonly pricedBy: PricedBy;
  readonly engineBasketId: number | null;
  readonly confirmedAt: Date;
  readonly syncedAt: Date | null;
  readonly lines: readonly JournalLine[];
  readonly vouchersRedeemed: readonly JournalVoucher[];
  /** What the engine issued with the sale; none for a sale it has not seen yet. */
  readonly vouchersCreated?: readonly JournalCreatedVoucher[];
  readonly warnings: readonly JournalWarning[];
  /** The tenders the cashier recorded; none when a host POS took the payment. */
  readonly tenders?: readonly Omit<JournalTender, 'late'>[];
}

/** Marks an open sale confirmed with its final content; false when it was not open (already confirmed or voided). */
export function confirmSale(db: Database, basketCode: string, sale: ConfirmedSale): boolean {
  const payload = salePayloadSchema.parse({
    v: 1,
    lines: sale.lines,
    vouchersRedeemed: sale.vouchersRedeemed,
    vouchersCreated: sale.vouchersCreated ?? [],
    warnings: sale.warnings,
  });
  const result = db
    .prepare(
      `UPDATE sales SET state = 'confirmed', member_number = @memberNumber,
         total_gross = @gross, total_discount = @discount, total_net = @net,
         priced_by = @pricedBy, engine_basket_id = @engineBasketId,
         confirmed_at = @confirmedAt, synced_at = @syncedAt, payload = @payload
       WHERE basket_code = @basketCode AND state = 'open'`,
    )
    .run({
      basketCode,
      memberNumber: sale.memberNumber,
      ...sale.totals,
      pricedBy: sale.pricedBy,
      engineBasketId: sale.engineBasketId,
      confirmedAt: sale.confirmedAt.getTime(),
      syncedAt: sale.syncedAt?.getTime() ?? null,
      payload: JSON.stringify(payload),
    });
  if (result.changes !== 1) return false;
  recordTenders(db, basketCode, sale.tenders ?? [], { late: false, at: sale.confirmedAt });
  recordReturns(db, basketCode, sale.lines);
  return true;
}

function recordReturns(db: Database, basketCode: string, lines: readonly JournalLine[]): void {
  const insert = db.prepare(
    `INSERT INTO sale_returns (return_basket_code, return_line_id, original_basket_code, original_line_id, quantity)
     VALUES (?, ?, ?, ?, ?)`,
  );
  for (const line of lines)
    if (line.returnOf)
      insert.run(
        basketCode,
        line.lineId,
        line.returnOf.basketCode,
        line.returnOf.lineId,
        line.quantity,
      );
}

/**
 * How much of a sale's line this till's confirmed returns gave back: all of them, or only
 * those still waiting in the outbox (the engine does not count those yet).
 */
export function returnedOnThisTill(
  db: Database,
  original: { basketCode: string; lineId: string },
  which: 'all' | 'not_synced',
): number {
  const total: unknown = db
    .prepare(
      `SELECT COALESCE(SUM(r.quantity), 0) FROM sale_returns r
       JOIN sales s ON s.basket_code = r.return_basket_code
       WHERE s.state = 'confirmed' AND r.original_basket_code = ? AND r.original_line_id = ?
         ${which === 'not_synced' ? 'AND s.synced_at IS NULL' : ''}`,
    )
    .pluck()
    .get(original.basketCode, original.lineId);
  return z.number().parse(total);
}

/** This till's latest confirmed sales that return nothing, newest first. */
export function recentSales(db: Database, limit: number): JournalSale[] {
  const rows: unknown[] = db
    .prepare(
      `SELECT * FROM sales s WHERE state = 'confirmed'
         AND NOT EXISTS (SELECT 1 FROM sale_returns r WHERE r.return_basket_code = s.basket_code)
       ORDER BY confirmed_at DESC, id DESC LIMIT ?`,
    )
    .all(limit);
  return rows.map((row) => toSale(db, saleRow.parse(row)));
}

/** What the engine's acknowledgement of a queued sale adds to its journal entry. */
export interface SyncedSale {
  readonly engineBasketId: number;
  readonly at: Date;
  /** The vouchers it issued with the sale, for the receipt. */
  readonly vouchersCreated: readonly JournalCreatedVoucher[];
  /** What it said about the sale as a whole (not about a voucher), e.g. a card it does not know. */
  readonly warnings: readonly JournalWarning[];
}

/**
 * The engine acknowledged a sale that waited in the outbox: its basket id, when, and what it
 * issued or said. Call inside a transaction. False when there is no such confirmed sale or it
 * was marked synced already.
 */
export function markSaleSynced(db: Database, basketCode: string, synced: SyncedSale): boolean {
  const row: unknown = db
    .prepare(
      `SELECT payload FROM sales WHERE basket_code = ? AND state = 'confirmed' AND synced_at IS NULL`,
    )
    .pluck()
    .get(basketCode);
  if (row === undefined) return false;
  const payload = salePayloadSchema.parse(JSON.parse(z.string().parse(row)));
  const updated = salePayloadSchema.parse({
    ...payload,
    vouchersCreated: [...payload.vouchersCreated, ...synced.vouchersCreated],
    warnings: [...payload.warnings, ...synced.warnings],
  });
  const result = db
    .prepare(
      `UPDATE sales SET engine_basket_id = ?, synced_at = ?, payload = ?
       WHERE basket_code = ? AND state = 'confirmed' AND synced_at IS NULL`,
    )
    .run(synced.engineBasketId, synced.at.getTime(), JSON.stringify(updated), basketCode);
  return result.changes === 1;
}

/** Marks an open sale voided; false when it was not open. */
export function voidSale(db: Database, basketCode: string, at: Date): boolean {
  const result = db
    .prepare(
      `UPDATE sales SET state = 'voided', voided_at = ? WHERE basket_code = ? AND state = 'open'`,
    )
    .run(at.getTime(), basketCode);
  return result.changes === 1;
}

export function findSale(db: Database, basketCode: string): JournalSale | undefined {
  const row: unknown = db.prepare('SELECT * FROM sales WHERE basket_code = ?').get(basketCode);
  return row === undefined ? undefined : toSale(db, saleRow.parse(row));
}

export function listSales(db: Database, state: SaleState): JournalSale[] {
  const rows: unknown[] = db
    .prepare('SELECT * FROM sales WHERE state = ? ORDER BY started_at, id')
    .all(state);
  return rows.map((row) => toSale(db, saleRow.parse(row)));
}

function toSale(db: Database, row: SaleRow): JournalSale {
  const payload = salePayloadSchema.parse(JSON.parse(row.payload));
  return {
    id: row.id,
    basketCode: row.basket_code,
    state: row.state,
    memberNumber: row.member_number,
    currency: row.currency,
    totals: { gross: row.total_gross, discount: row.total_discount, net: row.total_net },
    pricedBy: row.priced_by,
    engineBasketId: row.engine_basket_id,
    startedAt: new Date(row.started_at),
    confirmedAt: toDate(row.confirmed_at),
    voidedAt: toDate(row.voided_at),
    syncedAt: toDate(row.synced_at),
    lines: payload.lines,
    vouchersRedeemed: payload.vouchersRedeemed,
    vouchersCreated: payload.vouchersCreated,
    warnings: payload.warnings,
    tenders: row.state === 'confirmed' ? listTenders(db, row.basket_code) : [],
  };
}

function toDate(epochMs: number | null): Date | null {
  return epochMs === null ? null : new Date(epochMs);
}

/** What `searchSales` narrows the confirmed sales to; each filter given must hold. */
export interface SaleSearch {
  /** Part of the basket code, in any case. */
  readonly basketCode?: string;
  /** Confirmed on this day (`YYYY-MM-DD`) of the calendar of `timezone`. */
  readonly day?: { readonly date: string; readonly timezone: string };
  /** Total paid, in minor units. */
  readonly amount?: number;
  readonly limit: number;
}

/** The confirmed sales matching `search`, newest first, at most `limit`. */
export function searchSales(db: Database, search: SaleSearch): JournalSale[] {
  const where = [`state = 'confirmed'`];
  const params: (string | number)[] = [];
  if (search.basketCode !== undefined) {
    where.push(`basket_code LIKE ? ESCAPE '\\' COLLATE NOCASE`);
    params.push(`%${search.basketCode.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
  }
  if (search.amount !== undefined) {
    where.push('total_net = ?');
    params.push(search.amount);
  }
  const { day } = search;
  if (day) {
    const window = calendarDayWindow(day.date);
    where.push('confirmed_at >= ? AND confirmed_at < ?');
    params.push(window.from, window.to);
  }
  const statement = db.prepare(
    `SELECT * FROM sales WHERE ${where.join(' AND ')} ORDER BY confirmed_at DESC, id DESC${day ? '' : ' LIMIT ?'}`,
  );
  if (!day) params.push(search.limit);
  const found: JournalSale[] = [];
  // a day is read whole (its window is small) and cut to the limit once its calendar has decided
  // read whole first: a sale's tenders are read with another statement
  const rows: unknown[] = statement.all(...params);
  for (const row of rows) {
    if (found.length >= search.limit) break;
    const sale = toSale(db, saleRow.parse(row));
    if (day && sale.confirmedAt && !isOnCalendarDay(sale.confirmedAt, day.date, day.timezone))
      continue;
    found.push(sale);
  }
  return found;
}
