import type { Kysely, Transaction } from 'kysely';
import { ok } from '../../../src-shared/result';
import { inTransaction } from '../../db/transaction';
import type { Database } from '../../db/schema';
import { findVoucher, voucherById, type Executor, type VoucherRow } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { refuse, type Outcome } from '../refusal';
import { compareAndSet, type Decide } from './compare-and-set';
import { voucherName } from './refusals';
import { thirdPartyIdRefusal } from './third-party';

/*
 * The Spaaza voucher calls (docs/spaaza-wire.md, "Voucher calls") as use cases: each change and its audit line commit
 * together. The routes check each call's role; the one role rule that depends on the voucher
 * (only a manager may unclaim a locked voucher) is checked in ownership.ts.
 */

/** A voucher as a caller names it; every name given must fit the one voucher. */
export interface VoucherRef {
  readonly key?: string | undefined;
  readonly id?: number | undefined;
  /** Its id in a third-party system: only on chains that use those (uses_third_party_voucher_id). */
  readonly thirdPartyId?: string | undefined;
}

/** Reads the voucher and applies the change `decide` makes of it, as one compare-and-set. */
export async function changeVoucher(
  db: Kysely<Database>,
  actor: Actor,
  ref: VoucherRef,
  now: number,
  decide: Decide<VoucherRow>,
): Promise<Outcome<VoucherRow>> {
  return inTransaction(db, (trx) => changeVoucherIn(trx, actor, ref, now, decide));
}

/** `changeVoucher` inside the caller's transaction, for a call that changes several vouchers at once. */
export async function changeVoucherIn(
  trx: Transaction<Database>,
  actor: Actor,
  ref: VoucherRef,
  now: number,
  decide: Decide<VoucherRow>,
): Promise<Outcome<VoucherRow>> {
  const read = await voucherOf(trx, actor.chainId, ref);
  if (!read.ok) return read;
  const changed = await compareAndSet(trx, actor, now, {
    row: read.value,
    reread: rereadVoucher(trx),
    name: voucherName,
    decide,
  });
  return changed.ok ? ok(changed.value.row) : changed;
}

/** The row again in this transaction; a voucher is never removed, only marked deleted. */
export function rereadVoucher(db: Executor): (row: VoucherRow) => Promise<Outcome<VoucherRow>> {
  return async (row) => ok(await voucherById(db, row.id));
}

export async function voucherOf(
  db: Executor,
  chainId: number,
  ref: VoucherRef,
): Promise<Outcome<VoucherRow>> {
  if (ref.thirdPartyId !== undefined) {
    const refused = await thirdPartyIdRefusal(db, chainId);
    if (refused) return refused;
  }
  const row = await findVoucher(db, chainId, ref);
  if (!row) return refuse('voucher_not_found', `no voucher ${describeRef(ref)} in this chain`);
  return ok(row);
}

function describeRef(ref: VoucherRef): string {
  if (ref.key !== undefined) return ref.key;
  if (ref.thirdPartyId !== undefined) return `with third_party_id ${ref.thirdPartyId}`;
  return `with voucher_id ${ref.id ?? '(none)'}`;
}
