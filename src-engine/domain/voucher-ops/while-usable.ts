import type { Transaction } from 'kysely';
import { ok } from '../../../src-shared/result';
import { checkUsable, type UseContext } from '../../../src-shared/vouchers';
import type { Database } from '../../db/schema';
import { toDomainVoucher, type VoucherRow } from '../../repo/vouchers';
import type { Actor } from '../actor';
import type { Outcome } from '../refusal';
import { rereadVoucher } from './change';
import {
  compareAndSet,
  type Changed,
  type CompareAndSet,
  type VoucherChange,
} from './compare-and-set';
import { allOf, ownedBy, usableBy } from './guards';
import { refusal, voucherName } from './refusals';

export interface UsableChange {
  readonly row: VoucherRow;
  /** The sale the voucher is used in and the member it is for. */
  readonly sale: UseContext;
  /** What the refusal says could not be done: "cannot <verb> voucher …". */
  readonly verb: string;
  /** The change, decided on a row the rule found usable. */
  readonly change: (row: VoucherRow) => Outcome<Omit<VoucherChange, 'guard'>>;
}

/**
 * A change that needs the voucher usable in a sale (get-basket-price's lock, add-basket's and
 * redeem-voucher's burn), as a compare-and-set: decided with the voucher rule (`checkUsable`)
 * and applied under its SQL form (`usableBy`).
 */
export function whileUsable(
  trx: Transaction<Database>,
  now: number,
  target: UsableChange,
): CompareAndSet<VoucherRow> {
  return {
    row: target.row,
    reread: rereadVoucher(trx),
    name: voucherName,
    decide: (row) => {
      const usable = checkUsable(toDomainVoucher(row), now, target.sale);
      if (!usable.ok) return refusal(row, target.verb, usable.error);
      const change = target.change(row);
      // claim-voucher may give an unowned voucher an owner meanwhile: the owner read must still hold
      const guard = allOf(usableBy(target.sale, now), ownedBy(row.member_id));
      return change.ok ? ok({ ...change.value, guard }) : change;
    },
  };
}

/** `whileUsable`, applied with `compareAndSet`. */
export function changeWhileUsable(
  trx: Transaction<Database>,
  actor: Actor,
  now: number,
  target: UsableChange,
): Promise<Outcome<Changed<VoucherRow>>> {
  return compareAndSet(trx, actor, now, whileUsable(trx, now, target));
}
