import type { Database } from 'better-sqlite3';
import { z } from 'zod';

export interface BasketCodeScope {
  readonly storeCode: string;
  readonly terminalId: string;
  /** IANA zone of the store: the day in the code is the store's calendar day. */
  readonly timezone: string;
}

const sequenceRow = z.object({ last_seq: z.number().int().positive() });

const ALLOCATE_SQL = `
  INSERT INTO basket_code_sequence (store_code, terminal_id, day, last_seq)
  VALUES (@storeCode, @terminalId, @day, 1)
  ON CONFLICT (store_code, terminal_id, day) DO UPDATE SET last_seq = last_seq + 1
  RETURNING last_seq`;

/**
 * The next basket code `<store>-<terminal>-<yyyymmdd>-<seq>`, e.g. `S001-01-20261123-0042`.
 * The counter is bumped and committed before the code is returned, so a code handed out is
 * never handed out again, even when the till is killed right after: a crash can only leave a gap.
 */
export function allocateBasketCode(db: Database, scope: BasketCodeScope, now: Date): string {
  const day = calendarDay(now, scope.timezone);
  const statement = db.prepare(ALLOCATE_SQL);
  const seq = db
    .transaction(
      () =>
        sequenceRow.parse(
          statement.get({ storeCode: scope.storeCode, terminalId: scope.terminalId, day }),
        ).last_seq,
    )
    .immediate();
  return formatBasketCode(scope, day, seq);
}

export function formatBasketCode(
  scope: Pick<BasketCodeScope, 'storeCode' | 'terminalId'>,
  day: string,
  seq: number,
): string {
  return `${scope.storeCode}-${scope.terminalId}-${day}-${String(seq).padStart(4, '0')}`;
}

/** `yyyymmdd` of the instant on the calendar of `timezone`. */
export function calendarDay(instant: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

const DAY_MS = 86_400_000;
/** Wider than any UTC offset, so that a day's instants are all within it; the calendar decides. */
const ZONE_MARGIN_MS = 15 * 3_600_000;

/**
 * Epoch milliseconds `[from, to)` that hold the whole of `date` (`YYYY-MM-DD`) on any calendar:
 * a query reads this window, then `isOnCalendarDay` keeps what falls on the day in its zone.
 */
export function calendarDayWindow(date: string): { readonly from: number; readonly to: number } {
  const midnightUtc = Date.parse(`${date}T00:00:00.000Z`);
  return { from: midnightUtc - ZONE_MARGIN_MS, to: midnightUtc + DAY_MS + ZONE_MARGIN_MS };
}

/** Whether the instant falls on `date` (`YYYY-MM-DD`) on the calendar of `timezone`. */
export function isOnCalendarDay(instant: Date, date: string, timezone: string): boolean {
  return calendarDay(instant, timezone) === date.replaceAll('-', '');
}
