import { rowHash, tillAuditColumnsContent, type ChainHead } from '../../src-node/audit-chain';
import type { Db } from '../db/connect';
import { inTransaction } from '../db/transaction';
import type { Executor } from '../repo/vouchers';
import { advanceHead, lockHead, type ChainRef } from './audit-heads';
import { ok } from '../../src-shared/result';
import { refuse, type Outcome } from './refusal';

/** One row of a till's chain as the till sent it (its fields as on the wire). */
export interface TillAuditRow {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly voucher_key: string | null;
  readonly basket_code: string | null;
  readonly detail: string;
  readonly prev_hash: string;
  readonly row_hash: string;
}

export interface TillAuditStored {
  /** The last seq of the till's chain the engine now holds. */
  readonly headSeq: number;
  /** Rows of the batch newly stored (rows it held already are not counted). */
  readonly stored: number;
}

/**
 * Adds a batch of a till's audit chain to the engine's copy, all or nothing. The batch must
 * continue the stored chain: its rows in seq order, each linked to the one before and matching
 * its own hash. Rows the engine holds already (a batch sent again after its answer was lost)
 * are accepted when they are the very rows stored, and skipped.
 */
export async function appendTillAudit(
  db: Pick<Db, 'kysely'>,
  chain: ChainRef,
  rows: readonly TillAuditRow[],
  now: number,
): Promise<Outcome<TillAuditStored>> {
  return inTransaction(db.kysely, async (trx) => {
    const head = await lockHead(trx, chain);
    const known = await knownRows(trx, chain, rows, head);
    if (!known.ok) return known;
    let last: ChainHead = known.value.last;
    const fresh = rows.slice(known.value.count);
    for (const row of fresh) {
      const broken = linkProblem(row, last);
      if (broken !== null) return refuse('audit_chain_mismatch', `${chainName(chain)}: ${broken}`);
      last = { seq: row.seq, rowHash: row.row_hash };
    }
    if (fresh.length > 0) {
      await trx
        .insertInto('till_audit_log')
        .values(
          fresh.map((row) => ({
            chain_id: chain.chainId,
            till_id: chain.tillId,
            seq: row.seq,
            at: row.at,
            actor: row.actor,
            action: row.action,
            voucher_key: row.voucher_key,
            basket_code: row.basket_code,
            detail: row.detail,
            prev_hash: row.prev_hash,
            row_hash: row.row_hash,
            received_at: now,
          })),
        )
        .execute();
      await advanceHead(trx, chain, last);
    }
    return ok({ headSeq: fresh.length > 0 ? last.seq : head.seq, stored: fresh.length });
  });
}

const chainName = (chain: ChainRef) => `the audit chain of till ${chain.tillId}`;

/** Why `row` cannot follow `last`, or null when it does. */
function linkProblem(row: TillAuditRow, last: ChainHead): string | null {
  if (row.seq !== last.seq + 1)
    return `row seq ${row.seq} does not continue it: the next seq is ${last.seq + 1}`;
  if (row.prev_hash !== last.rowHash)
    return `row seq ${row.seq} does not continue it: its prev_hash is not the row_hash of seq ${last.seq}`;
  if (rowHash(row.prev_hash, row.seq, tillAuditColumnsContent(row)) !== row.row_hash)
    return `row seq ${row.seq}: its row_hash does not match its content`;
  return null;
}

/** The batch's leading rows the engine holds already, which must be exactly those stored. */
async function knownRows(
  trx: Executor,
  chain: ChainRef,
  rows: readonly TillAuditRow[],
  head: ChainHead,
): Promise<Outcome<{ count: number; last: ChainHead }>> {
  const first = rows[0];
  if (first === undefined || first.seq > head.seq) return ok({ count: 0, last: head });
  const held = rows.filter((row) => row.seq <= head.seq);
  const stored = await trx
    .selectFrom('till_audit_log')
    .select(['seq', 'row_hash'])
    .where('chain_id', '=', chain.chainId)
    .where('till_id', '=', chain.tillId)
    .where(
      'seq',
      'in',
      held.map((row) => row.seq),
    )
    .execute();
  const hashes = new Map(stored.map((row) => [row.seq, row.row_hash]));
  for (const row of held) {
    if (hashes.get(row.seq) !== row.row_hash)
      return refuse(
        'audit_chain_mismatch',
        `${chainName(chain)}: row seq ${row.seq} differs from the row the engine holds`,
      );
  }
  const last = held.at(-1);
  // a batch resent from its start continues from the row it holds last
  return ok({
    count: held.length,
    last: last === undefined ? head : { seq: last.seq, rowHash: last.row_hash },
  });
}
