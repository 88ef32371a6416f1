import type { Selectable, Transaction, Updateable } from 'kysely';
import { ok } from '../../../src-shared/result';
import type { Database, VoucherTable } from '../../db/schema';
import { touchHonourRev } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { audit } from '../audit';
import type { AuditAction } from '../audit-action';
import { refuse, type Outcome } from '../refusal';
import type { Guard } from './guards';

/** One state change of one voucher, decided from its row. */
export interface VoucherChange {
  readonly set: Updateable<VoucherTable>;
  /** The conditions the decision relied on, checked again by the update. */
  readonly guard?: Guard;
  /** The audit lines the change writes, in order (each becomes an event). */
  readonly audits: readonly AuditAction[];
  readonly basketCode?: string | null;
  readonly reason?: string | null;
  /** False: the till's honour-voucher feed does not carry it (a basket's locks, set at every pricing). */
  readonly inHonourFeed?: boolean;
}

/**
 * Decides the change for a row, with the voucher rule: the refusal, or null when the voucher
 * is already as wanted.
 */
export type Decide<Row> = (row: Row) => Outcome<VoucherChange | null>;

type StoredVoucher = Pick<Selectable<VoucherTable>, 'id' | 'chain_id' | 'voucher_type'>;

export interface CompareAndSet<Row extends StoredVoucher> {
  /** The row as this transaction read it. */
  readonly row: Row;
  /** The row as it is now, in this transaction; a refusal when it is gone. */
  readonly reread: (row: Row) => Promise<Outcome<Row>>;
  /** Names the voucher in the refusal of one that keeps changing. */
  readonly name: (row: Row) => string;
  readonly decide: Decide<Row>;
}

/** How often a decision made on a row another request changed first is made again. */
export const COMPARE_AND_SET_ATTEMPTS = 3;

/**
 * Applies a decision as one conditional update whose WHERE re-checks what the decision read,
 * with its audit lines, in the caller's transaction. An update that changes nothing lost a race:
 * the fresh row decides again, so a loser gets the refusal that fits what the winner did. Answers
 * the row after the change and the change made (null: none was needed).
 */
export async function compareAndSet<Row extends StoredVoucher>(
  trx: Transaction<Database>,
  actor: Actor,
  now: number,
  target: CompareAndSet<Row>,
): Promise<Outcome<{ row: Row; change: VoucherChange | null }>> {
  let row = target.row;
  for (let attempt = 1; attempt <= COMPARE_AND_SET_ATTEMPTS; attempt += 1) {
    const decided = target.decide(row);
    if (!decided.ok) return decided;
    const change = decided.value;
    if (change === null) return ok({ row, change });
    let update = trx.updateTable('vouchers').set(change.set).where('id', '=', row.id);
    if (change.guard) update = update.where(change.guard);
    const { numUpdatedRows } = await update.executeTakeFirst();
    if (numUpdatedRows === 1n) {
      if (change.inHonourFeed !== false) await touchHonourRev(trx, row);
      for (const action of change.audits)
        await audit(trx, actor, action, now, {
          voucherId: row.id,
          basketCode: change.basketCode ?? null,
          reason: change.reason ?? null,
        });
    }
    const fresh = await target.reread(row);
    if (!fresh.ok) return fresh;
    if (numUpdatedRows === 1n) return ok({ row: fresh.value, change });
    row = fresh.value;
  }
  return refuse(
    'voucher_state_conflict',
    `${target.name(row)} kept changing under this request; try again`,
  );
}
