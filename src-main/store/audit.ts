import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  chainNext,
  ChainWalker,
  tillAuditContent,
  type ChainVerdict,
} from '../../src-node/audit-chain';

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
  readonly basketCode: string | null;
  readonly detail: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** An entry with its place in the chain, as it is verified and sent to the engine. */
export interface ChainedAuditEntry extends AuditEntry {
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

const lastLink = z.object({ seq: z.number().int(), row_hash: z.string() }).optional();

function contentOf(entry: NewAuditEntry) {
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
    const link = chainNext(last && { seq: last.seq, rowHash: last.row_hash }, contentOf(entry));
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
        entry.detail,
        link.prevHash,
        link.rowHash,
      );
    return Number(result.lastInsertRowid);
  };
  return db.transaction(append).immediate();
}

function entryOf(raw: unknown): ChainedAuditEntry {
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

/** The newest entries first. */
export function listAudit(db: Database, limit = 100): AuditEntry[] {
  const rows: unknown[] = db
    .prepare('SELECT * FROM audit ORDER BY at DESC, id DESC LIMIT ?')
    .all(limit);
  return rows.map(entryOf);
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
  return rows.map(entryOf);
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
    const entry = entryOf(raw);
    if (!walker.next({ ...entry, content: contentOf(entry) })) {
      broken = entry;
      break;
    }
  }
  const verdict = walker.verdict();
  return broken ? { ...verdict, brokenEntry: broken } : verdict;
}
