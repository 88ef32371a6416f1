import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { calendarDay } from './basket-codes';

/** One entry of the local audit log (manager unlocks, voids, overrides …); the table is append-only. */
export interface AuditEntry {
  readonly id: number;
  readonly at: Date;
  /** Who: a manager's engine username, or `terminal:<id>` for the till itself. */
  readonly actor: string;
  readonly action: string;
  readonly voucherKey: string | null;
  /** The code the voucher is known by (or the key a conflict named it by); null when none is known. */
  readonly voucherCode: string | null;
  readonly basketCode: string | null;
  /** What the entry is about, as a stable code: a sync conflict's reason (`voucher_already_redeemed`). */
  readonly subject: string | null;
  /** What the person said (the reason for an unlock, a note to an acknowledgement), or the till's words. */
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

/**
 * The `detail` column holds the person's words, or, when the entry names a voucher code or a
 * subject, a JSON object with them beside the words: the table's columns stay as they are.
 */
const structuredDetail = z.object({
  text: z.string(),
  voucherCode: z.string().nullable(),
  subject: z.string().nullable(),
});

function detailColumnOf(entry: NewAuditEntry): string {
  if (entry.voucherCode === null && entry.subject === null) return entry.detail;
  return JSON.stringify({
    text: entry.detail,
    voucherCode: entry.voucherCode,
    subject: entry.subject,
  } satisfies z.infer<typeof structuredDetail>);
}

function detailOf(column: string): z.infer<typeof structuredDetail> {
  const plain = { text: column, voucherCode: null, subject: null };
  if (!column.startsWith('{')) return plain;
  try {
    const parsed = structuredDetail.safeParse(JSON.parse(column));
    return parsed.success ? parsed.data : plain;
  } catch {
    return plain;
  }
}

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
      detailColumnOf(entry),
    );
  return Number(result.lastInsertRowid);
}

export interface AuditFilter {
  readonly limit?: number;
  /** `YYYY-MM-DD` on the calendar of `timezone`. */
  readonly day?: { readonly date: string; readonly timezone: string };
  /** Entries naming this voucher code, in any case. */
  readonly voucherCode?: string;
}

const DAY_MS = 86_400_000;
/** Wider than any UTC offset, so that the day's entries are all within it; the calendar decides. */
const ZONE_MARGIN_MS = 15 * 3_600_000;

/** The newest entries first, those of one day or one voucher code when the filter says. */
export function listAudit(db: Database, filter: AuditFilter = {}): AuditEntry[] {
  const { limit = 100, day, voucherCode } = filter;
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (day) {
    const midnightUtc = Date.parse(`${day.date}T00:00:00.000Z`);
    where.push('at >= ? AND at < ?');
    params.push(midnightUtc - ZONE_MARGIN_MS, midnightUtc + DAY_MS + ZONE_MARGIN_MS);
  }
  if (voucherCode !== undefined) {
    where.push(
      `CASE WHEN json_valid(detail) THEN json_extract(detail, '$.voucherCode') END = ? COLLATE NOCASE`,
    );
    params.push(voucherCode);
  }
  // a day is read whole (its window is small) and cut to the limit once its calendar has decided
  const rows: unknown[] = db
    .prepare(
      `SELECT * FROM audit ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY at DESC, id DESC ${day ? '' : 'LIMIT ?'}`,
    )
    .all(...params, ...(day ? [] : [limit]));
  const calendarDate = day?.date.replaceAll('-', '');
  const wanted = (at: Date) => !day || calendarDay(at, day.timezone) === calendarDate;
  const entries: AuditEntry[] = [];
  for (const raw of rows) {
    if (entries.length >= limit) break;
    const row = auditRow.parse(raw);
    const at = new Date(row.at);
    if (!wanted(at)) continue;
    const detail = detailOf(row.detail);
    entries.push({
      id: row.id,
      at,
      actor: row.actor,
      action: row.action,
      voucherKey: row.voucher_key,
      voucherCode: detail.voucherCode,
      basketCode: row.basket_code,
      subject: detail.subject,
      detail: detail.text,
    });
  }
  return entries;
}
