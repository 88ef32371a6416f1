import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  chainNext,
  ChainWalker,
  tillAuditContent,
  type ChainVerdict,
} from '../../src-node/audit-chain';
import { calendarDayWindow, isOnCalendarDay } from './basket-codes';

/**
 * One entry of the local audit log (manager unlocks, voids, overrides …); the table is
 * append-only, and each entry is a link of its hash chain (src-node/audit-chain.ts).
 */
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

/**
 * An entry as stored, with its place in the chain, as it is verified and sent to the engine:
 * `detail` is the column as the chain covers it (the words, or the words with the voucher code
 * and subject).
 */
export interface ChainedAuditEntry extends Omit<AuditEntry, 'voucherCode' | 'subject'> {
  readonly seq: number;
  readonly prevHash: string;
  readonly rowHash: string;
}

const auditRow = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  at: z.number().int(),
  actor: z.string(),
  action: z.string(),
  voucher_key: z.string().nullable(),
  basket_code: z.string().nullable(),
  detail: z.string(),
  prev_hash: z.string(),
  row_hash: z.string(),
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

const lastLink = z.object({ seq: z.number().int(), row_hash: z.string() }).optional();

/** What a link's hash covers: the entry as stored. */
function contentOf(entry: Omit<ChainedAuditEntry, 'id' | 'seq' | 'prevHash' | 'rowHash'>) {
  return tillAuditContent({
    at: entry.at.getTime(),
    actor: entry.actor,
    action: entry.action,
    voucherKey: entry.voucherKey,
    basketCode: entry.basketCode,
    detail: entry.detail,
  });
}

/** Appends the entry as the chain's next link, in a transaction of its own or the caller's. */
export function appendAudit(db: Database, entry: NewAuditEntry): number {
  const append = () => {
    const last = lastLink.parse(
      db.prepare('SELECT seq, row_hash FROM audit ORDER BY seq DESC LIMIT 1').get(),
    );
    const stored = { ...entry, detail: detailColumnOf(entry) };
    const link = chainNext(last && { seq: last.seq, rowHash: last.row_hash }, contentOf(stored));
    const result = db
      .prepare(
        `INSERT INTO audit (seq, at, actor, action, voucher_key, basket_code, detail, prev_hash, row_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        link.seq,
        entry.at.getTime(),
        entry.actor,
        entry.action,
        entry.voucherKey,
        entry.basketCode,
        stored.detail,
        link.prevHash,
        link.rowHash,
      );
    return Number(result.lastInsertRowid);
  };
  return db.transaction(append).immediate();
}

function chainedOf(raw: unknown): ChainedAuditEntry {
  const row = auditRow.parse(raw);
  return {
    id: row.id,
    seq: row.seq,
    at: new Date(row.at),
    actor: row.actor,
    action: row.action,
    voucherKey: row.voucher_key,
    basketCode: row.basket_code,
    detail: row.detail,
    prevHash: row.prev_hash,
    rowHash: row.row_hash,
  };
}

export interface AuditFilter {
  readonly limit?: number;
  /** `YYYY-MM-DD` on the calendar of `timezone`. */
  readonly day?: { readonly date: string; readonly timezone: string };
  /** Entries naming this voucher code, in any case. */
  readonly voucherCode?: string;
}

/** The newest entries first, those of one day or one voucher code when the filter says. */
export function listAudit(db: Database, filter: AuditFilter = {}): AuditEntry[] {
  const { limit = 100, day, voucherCode } = filter;
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (day) {
    const window = calendarDayWindow(day.date);
    where.push('at >= ? AND at < ?');
    params.push(window.from, window.to);
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
  const wanted = (at: Date) => !day || isOnCalendarDay(at, day.date, day.timezone);
  const entries: AuditEntry[] = [];
  for (const raw of rows) {
    if (entries.length >= limit) break;
    const row = chainedOf(raw);
    if (!wanted(row.at)) continue;
    const detail = detailOf(row.detail);
    entries.push({
      id: row.id,
      at: row.at,
      actor: row.actor,
      action: row.action,
      voucherKey: row.voucherKey,
      voucherCode: detail.voucherCode,
      basketCode: row.basketCode,
      subject: detail.subject,
      detail: detail.text,
    });
  }
  return entries;
}

/** The chain's entries after `afterSeq`, in seq order: what the engine has not been sent yet. */
export function auditEntriesAfter(
  db: Database,
  afterSeq: number,
  limit: number,
): ChainedAuditEntry[] {
  const rows: unknown[] = db
    .prepare('SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?')
    .all(afterSeq, limit);
  return rows.map(chainedOf);
}

/** The chain's verdict and, when broken, the entry where it first broke. */
export interface AuditChainReport extends ChainVerdict {
  readonly brokenEntry?: ChainedAuditEntry;
}

/** Walks the whole audit chain in seq order and reports where it first broke, if it did. */
export function verifyAuditChain(db: Database): AuditChainReport {
  const walker = new ChainWalker();
  let broken: ChainedAuditEntry | undefined;
  for (const raw of db.prepare('SELECT * FROM audit ORDER BY seq, id').iterate()) {
    const entry = chainedOf(raw);
    if (!walker.next({ ...entry, content: contentOf(entry) })) {
      broken = entry;
      break;
    }
  }
  const verdict = walker.verdict();
  return broken ? { ...verdict, brokenEntry: broken } : verdict;
}
