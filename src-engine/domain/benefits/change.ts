import type { Transaction, Updateable } from 'kysely';
import type { Database, VoucherTable } from '../../db/schema';
import { EngineError } from '../../http/errors';
import { benefitByVoucherId, type BenefitRow } from '../../repo/benefits';
import { touchHonourRev } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { audit, type AuditAction } from '../audit';
import type { Guard } from '../voucher-ops/guards';

/** One state change of a benefit, decided from its row. */
export interface BenefitChange {
  readonly set: Updateable<VoucherTable>;
  /** What the decision relied on, checked again by the update (compare-and-set). */
  readonly guard: Guard;
  /** The audit lines the change writes, in order (each becomes an event). */
  readonly audits: readonly AuditAction[];
  readonly reason?: string | null;
}

/** Decides the change for a row: throws the refusal, or null when the benefit is already as wanted. */
export type BenefitPlan = (row: BenefitRow) => BenefitChange | null;

/** A decision made on a row another request changed first is made again, a few times at most. */
const ATTEMPTS = 3;

/**
 * Applies a plan to a benefit read in this transaction, as one conditional update. When the
 * update changes nothing, another request got there first: the fresh row decides again, so a
 * loser gets the refusal that fits what the winner did.
 */
export async function changeBenefit(
  trx: Transaction<Database>,
  actor: Actor,
  read: BenefitRow,
  now: number,
  plan: BenefitPlan,
  gone: () => EngineError,
): Promise<BenefitRow> {
  let row = read;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const change = plan(row);
    if (change === null) return row;
    const { numUpdatedRows } = await trx
      .updateTable('vouchers')
      .set(change.set)
      .where('id', '=', row.id)
      .where(change.guard)
      .executeTakeFirst();
    if (numUpdatedRows === 1n) {
      await touchHonourRev(trx, row);
      for (const action of change.audits)
        await audit(trx, actor, action, now, { voucherId: row.id, reason: change.reason ?? null });
      return reread(trx, row, gone);
    }
    row = await reread(trx, row, gone);
  }
  throw new EngineError(
    'voucher_state_conflict',
    `benefit ${row.uuid} kept changing under this request; try again`,
  );
}

async function reread(
  trx: Transaction<Database>,
  row: BenefitRow,
  gone: () => EngineError,
): Promise<BenefitRow> {
  const fresh = await benefitByVoucherId(trx, row.chain_id, row.id);
  if (!fresh) throw gone();
  return fresh;
}
