import { createHash } from 'node:crypto';

/**
 * The hash chain of an audit trail, one for the engine's trails and the tills' alike.
 *
 * Each row of a chain carries `seq` (1, 2, 3, … with no gaps), `prev_hash` (the previous row's
 * `row_hash`; {@link GENESIS_HASH} for seq 1) and `row_hash`, computed as
 *
 *     row_hash = hex(SHA-256(UTF-8(prev_hash + "\n" + JSON.stringify([seq, ...content]))))
 *
 * where `content` is the row's own fields in the fixed order its trail defines (the engine's in
 * `src-engine/domain/audit-chain-rows.ts`, the till's in {@link tillAuditContent}), each a
 * string, an integer or null. JSON of such an array has exactly one spelling, so the encoding is
 * canonical; seq is inside it, so a row moved to another place no longer matches its hash.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** One field of a row's content: text, an integer (epoch ms, an id) or nothing. */
export type ChainValue = string | number | null;

export function rowHash(prevHash: string, seq: number, content: readonly ChainValue[]): string {
  return createHash('sha256')
    .update(`${prevHash}\n${JSON.stringify([seq, ...content])}`, 'utf8')
    .digest('hex');
}

/** A row as the chain sees it. */
export interface ChainedRow {
  readonly seq: number;
  readonly prevHash: string;
  readonly rowHash: string;
  readonly content: readonly ChainValue[];
}

/** Where a chain was first found broken, and how. */
export type ChainBreakReason =
  /** The row's content no longer gives its hash: it was edited. */
  | 'row_hash_mismatch'
  /** A seq is missing: a row was removed. */
  | 'seq_gap'
  /** The row does not follow the one before it: rows were removed, reordered or swapped. */
  | 'prev_hash_mismatch'
  /** The chain ends before its recorded head: rows were removed from its end. */
  | 'head_mismatch';

export interface ChainBreak {
  readonly seq: number;
  readonly reason: ChainBreakReason;
}

export interface ChainVerdict {
  readonly ok: boolean;
  /** Rows checked, up to and including the broken one. */
  readonly checked: number;
  readonly brokenAt?: ChainBreak;
}

/** The head a chain's store records beside the rows: its last seq and row_hash. */
export interface ChainHead {
  readonly seq: number;
  readonly rowHash: string;
}

/** What each reason means, for a person reading a report. */
export const CHAIN_BREAK_WORDS: Readonly<Record<ChainBreakReason, string>> = {
  row_hash_mismatch: 'its content does not match its hash (the row was edited)',
  seq_gap: 'the row before it is missing (a row was removed)',
  prev_hash_mismatch: 'it does not follow the row before it (rows were removed, moved or swapped)',
  head_mismatch: 'the chain ends before its recorded head (rows were removed from its end)',
};

/** Walks a chain, kept incrementally so a long trail can be read page by page. */
export class ChainWalker {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private broken: ChainBreak | undefined;

  /** Checks the next row, in seq order; false once the chain is broken. */
  next(row: ChainedRow): boolean {
    if (this.broken) return false;
    this.checked += 1;
    if (row.seq !== this.expectedSeq) {
      // a seq below the expected one is a row moved or repeated; above it, rows are missing
      this.broken = {
        seq: row.seq,
        reason: row.seq > this.expectedSeq ? 'seq_gap' : 'prev_hash_mismatch',
      };
    } else if (row.prevHash !== this.prevHash) {
      this.broken = { seq: row.seq, reason: 'prev_hash_mismatch' };
    } else if (rowHash(row.prevHash, row.seq, row.content) !== row.rowHash) {
      this.broken = { seq: row.seq, reason: 'row_hash_mismatch' };
    }
    if (this.broken) return false;
    this.expectedSeq += 1;
    this.prevHash = row.rowHash;
    return true;
  }

  /** The verdict over the rows seen; with a head, a chain that stops short of it is broken. */
  verdict(head?: ChainHead): ChainVerdict {
    if (this.broken) return { ok: false, checked: this.checked, brokenAt: this.broken };
    const last = this.expectedSeq - 1;
    if (head && (head.seq !== last || (last > 0 && head.rowHash !== this.prevHash)))
      return {
        ok: false,
        checked: this.checked,
        brokenAt: {
          // the first row missing from the end, else the last row, which the head does not name
          seq: head.seq === last ? last : Math.min(head.seq, last) + 1,
          reason: 'head_mismatch',
        },
      };
    return { ok: true, checked: this.checked };
  }
}

/** Verifies a whole chain held in memory, rows in seq order. */
export function verifyChain(rows: Iterable<ChainedRow>, head?: ChainHead): ChainVerdict {
  const walker = new ChainWalker();
  for (const row of rows) if (!walker.next(row)) break;
  return walker.verdict(head);
}

/** A row about to be appended: its seq and both hashes, from the chain's last row (or none). */
export function chainNext(
  last: ChainHead | undefined,
  content: readonly ChainValue[],
): { seq: number; prevHash: string; rowHash: string } {
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.rowHash ?? GENESIS_HASH;
  return { seq, prevHash, rowHash: rowHash(prevHash, seq, content) };
}

/** A till's audit row as it is chained, on the till and in the engine's copy alike. */
export interface TillAuditContent {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly voucherKey: string | null;
  readonly basketCode: string | null;
  readonly detail: string;
}

/** The till row's content in its one fixed order. */
export function tillAuditContent(row: TillAuditContent): ChainValue[] {
  return [row.at, row.actor, row.action, row.voucherKey, row.basketCode, row.detail];
}

/** A till audit row as its tables and the wire spell it (the till's `audit`, the engine's copy). */
export interface TillAuditColumns {
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly voucher_key: string | null;
  readonly basket_code: string | null;
  readonly detail: string;
}

/** The content of a till audit row read from a table or the wire. */
export function tillAuditColumnsContent(row: TillAuditColumns): ChainValue[] {
  return tillAuditContent({
    at: row.at,
    actor: row.actor,
    action: row.action,
    voucherKey: row.voucher_key,
    basketCode: row.basket_code,
    detail: row.detail,
  });
}
