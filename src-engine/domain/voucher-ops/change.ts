import type { Kysely, Updateable } from 'kysely';
import type { Database, VoucherTable } from '../../db/schema';
import { EngineError } from '../../http/errors';
import {
  findVoucher,
  touchHonourRev,
  voucherById,
  type Executor,
  type VoucherRow,
} from '../../repo/vouchers';
import type { Actor } from '../actor';
import { audit, type AuditAction } from '../audit';
import type { Guard } from './guards';
import { changedMeanwhile } from './refusals';

/*
 * The Spaaza voucher calls (docs/spaaza-wire.md, "Voucher calls") as use cases: each change and its audit line commit
 * together. The routes check each call's role; the one role rule that depends on the voucher
 * (only a manager may unclaim a locked voucher) is checked in ownership.ts.
 */

export interface VoucherRef {
  readonly key?: string | undefined;
  readonly id?: number | undefined;
}

/** One state change of one voucher, decided from its row. */
interface VoucherChange {
  readonly action: AuditAction;
  readonly set: Updateable<VoucherTable>;
  /** The conditions the decision relied on, checked again by the update (compare-and-set). */
  readonly guard?: Guard;
  readonly basketCode?: string | null;
  readonly reason?: string | null;
}

/** Decides the change for a row: throws the refusal, or null when the voucher is already as wanted. */
type Plan = (row: VoucherRow) => VoucherChange | null;

export async function changeVoucher(
  db: Kysely<Database>,
  actor: Actor,
  ref: VoucherRef,
  now: number,
  plan: Plan,
): Promise<VoucherRow> {
  return db.transaction().execute(async (trx) => {
    const row = await voucherOf(trx, actor.chainId, ref);
    const change = plan(row);
    if (change === null) return row;
    let update = trx.updateTable('vouchers').set(change.set).where('id', '=', row.id);
    if (change.guard) update = update.where(change.guard);
    const { numUpdatedRows } = await update.executeTakeFirst();
    if (numUpdatedRows !== 1n) {
      // another caller changed it between our read and our update: decide again on what is there now
      const fresh = await voucherById(trx, row.id);
      if (plan(fresh) === null) return fresh;
      throw changedMeanwhile(fresh);
    }
    await touchHonourRev(trx, row);
    await audit(trx, actor, change.action, now, {
      voucherId: row.id,
      basketCode: change.basketCode ?? null,
      reason: change.reason ?? null,
    });
    return voucherById(trx, row.id);
  });
}

export async function voucherOf(
  db: Executor,
  chainId: number,
  ref: VoucherRef,
): Promise<VoucherRow> {
  const row = await findVoucher(db, chainId, ref);
  if (!row || (ref.id !== undefined && row.id !== ref.id)) {
    const named = ref.key ?? `with voucher_id ${ref.id ?? '(none)'}`;
    throw new EngineError('voucher_not_found', `no voucher ${named} in this chain`);
  }
  return row;
}
