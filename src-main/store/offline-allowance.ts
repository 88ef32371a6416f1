import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { calendarDay } from './basket-codes';

/** A calendar day is at most 25 hours long; two days back covers it in every zone. */
const LOOK_BACK_MS = 2 * 86_400_000;

const discountRow = z.object({ confirmed_at: z.number().int(), discount: z.number().int() });

/**
 * What value vouchers (`basket`, `basket_pct`) took off the sales this till priced itself and
 * confirmed on the store's calendar day of `now`: the part of the per-day offline cap already
 * spent. Read from the journal, so it survives a restart and counts only committed sales.
 */
export function offlineValueDiscountOn(db: Database, now: Date, timezone: string): number {
  const rows: unknown[] = db
    .prepare(
      `SELECT s.confirmed_at AS confirmed_at,
              CAST(coalesce(sum(json_extract(v.value, '$.discount')), 0) AS INTEGER) AS discount
         FROM sales s, json_each(s.payload, '$.vouchersRedeemed') v
        WHERE s.state = 'confirmed' AND s.priced_by = 'local'
          AND s.confirmed_at >= ? AND s.confirmed_at IS NOT NULL
          AND json_extract(v.value, '$.type') IN ('basket', 'basket_pct')
        GROUP BY s.id`,
    )
    .all(now.getTime() - LOOK_BACK_MS);
  const today = calendarDay(now, timezone);
  return rows
    .map((row) => discountRow.parse(row))
    .filter((row) => calendarDay(new Date(row.confirmed_at), timezone) === today)
    .reduce((total, row) => total + row.discount, 0);
}
