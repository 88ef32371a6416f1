import type { Kysely } from 'kysely';
import { toMajorText } from '../../../src-shared/money';
import { checkUsable } from '../../../src-shared/vouchers';
import type { Database } from '../../db/schema';
import { invalidParameters } from '../../http/errors';
import { toDomainVoucher, touchHonourRev, voucherById, type VoucherRow } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { audit } from '../audit';
import { issueChildVoucher } from '../voucher-factory';
import { positiveAmount } from './amounts';
import { voucherOf } from './change';
import { allOf, claimed, lockFreeFor, NO_LOCK, notBurned, present, unexpiredAt } from './guards';
import type { OwnerRef } from './members';
import type { OwnedVoucherRequest } from './ownership';
import { changedMeanwhile, conflict, labelOf, refusal, refuseOtherOwner } from './refusals';

export interface RedeemRequest extends OwnedVoucherRequest {
  /** Major units as sent (number or decimal text); the whole remaining amount when absent. */
  readonly amount?: number | string | undefined;
}

export interface Redemption {
  readonly voucher: VoucherRow;
  /** The remainder of a partly redeemed basket voucher, issued as a new voucher. */
  readonly regenerated: VoucherRow | null;
}

/**
 * redeem-voucher: burns a basket or honour voucher outside any basket, as one
 * compare-and-set. Redeeming part of a basket voucher issues what is left as a new voucher
 * whose parent is the burned one, as add-basket does with a remainder.
 */
export async function redeemVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: RedeemRequest,
  now: number,
): Promise<Redemption> {
  return db.transaction().execute(async (trx) => {
    const row = await voucherOf(trx, actor.chainId, request.ref);
    refuseUnusableOutsideBasket(row, request.owner, now);
    const split = splitRedemption(row, request.amount);
    const { numUpdatedRows } = await trx
      .updateTable('vouchers')
      .set({ ...NO_LOCK, burned_at: now, amount_redeemed: split.redeemed, amount: split.left })
      .where('id', '=', row.id)
      .where(allOf(present, notBurned, claimed, unexpiredAt(now), lockFreeFor(now, null, null)))
      .executeTakeFirst();
    if (numUpdatedRows !== 1n) {
      refuseUnusableOutsideBasket(await voucherById(trx, row.id), request.owner, now);
      throw changedMeanwhile(row);
    }
    await touchHonourRev(trx, row);
    await audit(trx, actor, 'redeem', now, { voucherId: row.id });
    const regenerated =
      split.remainder > 0
        ? await issueChildVoucher(
            trx,
            actor,
            row,
            { amount: split.remainder, title: row.title, reason: 'remainder' },
            now,
          )
        : null;
    return { voucher: await voucherById(trx, row.id), regenerated };
  });
}

interface Split {
  /** What the burned voucher records as redeemed (null for an honour voucher). */
  readonly redeemed: number | null;
  /** What stays on the burned voucher itself: nothing, the remainder moves to a new voucher. */
  readonly left: number | null;
  readonly remainder: number;
}

function splitRedemption(row: VoucherRow, amount: number | string | undefined): Split {
  switch (row.voucher_type) {
    case 'basket_pct':
      throw conflict(
        `cannot redeem voucher ${labelOf(row)}: a percentage voucher applies only to a basket`,
      );
    case 'honour':
      if (amount !== undefined)
        throw invalidParameters([{ path: 'amount', message: 'an honour voucher has no amount' }]);
      return { redeemed: null, left: null, remainder: 0 };
    case 'basket': {
      const remaining = row.amount ?? 0;
      const redeemed = amount === undefined ? remaining : redeemableAmount(row, amount, remaining);
      return { redeemed, left: 0, remainder: remaining - redeemed };
    }
  }
}

function redeemableAmount(row: VoucherRow, amount: number | string, remaining: number): number {
  const minor = positiveAmount('amount', amount, row.currency);
  if (minor > remaining) {
    const left = `${toMajorText(remaining, row.currency)} ${row.currency}`;
    throw invalidParameters([
      { path: 'amount', message: `is more than the ${left} left on the voucher` },
    ]);
  }
  return minor;
}

/** Usability with no basket: an exclusive lock held for any sale stops a redemption outside it. */
function refuseUnusableOutsideBasket(row: VoucherRow, owner: OwnerRef, now: number): void {
  refuseOtherOwner(row, owner);
  const usable = checkUsable(toDomainVoucher(row), now, {
    basketCode: null,
    lockingCode: null,
    memberNumber: row.member_number,
  });
  if (!usable.ok) throw refusal(row, 'redeem', usable.error);
}
