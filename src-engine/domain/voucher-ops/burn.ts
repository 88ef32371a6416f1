import type { Kysely } from 'kysely';
import { ok } from '../../../src-shared/result';
import { toMajorText } from '../../../src-shared/money';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import type { VoucherRow } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { invalidFields, type Outcome } from '../refusal';
import { issueChildVoucher } from '../voucher-factory';
import { positiveAmount } from './amounts';
import { voucherOf } from './change';
import { NO_LOCK } from './guards';
import { namedMemberId } from './members';
import type { OwnedVoucherRequest } from './ownership';
import { conflict, labelOf, otherOwnerRefusal } from './refusals';
import { changeWhileUsable } from './while-usable';

export interface BurnRequest extends OwnedVoucherRequest {
  /** Major units as sent (number or decimal text); the whole remaining amount when absent. */
  readonly amount?: number | string | undefined;
}

export interface Burn {
  readonly voucher: VoucherRow;
  /** The remainder of a partly used basket voucher, issued as a new voucher. */
  readonly regenerated: VoucherRow | null;
}

/** Outside any basket: no sale's basket or locking code is presented. */
const NO_SALE = { basketCode: null, lockingCode: null } as const;

/**
 * Spaaza's redeem-voucher: burns a basket or honour voucher outside any basket, as one
 * compare-and-set. Burning part of a basket voucher issues what is left as a new voucher
 * whose parent is the burned one, as add-basket does with a remainder.
 */
export async function burnVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: BurnRequest,
  now: number,
): Promise<Outcome<Burn>> {
  const member = await namedMemberId(db, actor.chainId, request.owner);
  if (!member.ok) return member;
  return inTransaction(db, async (trx) => {
    const read = await voucherOf(trx, actor.chainId, request.ref);
    if (!read.ok) return read;
    const otherOwner = otherOwnerRefusal(read.value, member.value);
    if (otherOwner) return otherOwner;
    let applied: Split | undefined; // the split of the decision the update applied: the last one
    const burned = await changeWhileUsable(trx, actor, now, {
      row: read.value,
      // outside any basket: an exclusive lock held for any sale stops the burn
      sale: { ...NO_SALE, memberNumber: read.value.member_number },
      verb: 'redeem',
      change: (row) => {
        const split = splitBurn(row, request.amount);
        if (!split.ok) return split;
        applied = split.value;
        const { redeemed, left } = split.value;
        return ok({
          set: { ...NO_LOCK, burned_at: now, amount_redeemed: redeemed, amount: left },
          audits: ['redeem'],
        });
      },
    });
    if (!burned.ok) return burned;
    const { row } = burned.value;
    const remainder = applied?.remainder ?? 0;
    const regenerated =
      remainder > 0
        ? await issueChildVoucher(
            trx,
            actor,
            row,
            { amount: remainder, title: row.title, reason: 'remainder' },
            now,
          )
        : null;
    return ok({ voucher: row, regenerated });
  });
}

interface Split {
  /** What the burned voucher records as redeemed (null for an honour voucher). */
  readonly redeemed: number | null;
  /** What stays on the burned voucher itself: nothing, the remainder moves to a new voucher. */
  readonly left: number | null;
  readonly remainder: number;
}

function splitBurn(row: VoucherRow, amount: number | string | undefined): Outcome<Split> {
  switch (row.voucher_type) {
    case 'basket_pct':
      return conflict(
        `cannot redeem voucher ${labelOf(row)}: a percentage voucher applies only to a basket`,
      );
    case 'honour':
      if (amount !== undefined)
        return invalidFields([{ path: 'amount', message: 'an honour voucher has no amount' }]);
      return ok({ redeemed: null, left: null, remainder: 0 });
    case 'basket': {
      const remaining = row.amount ?? 0;
      const redeemed = amount === undefined ? ok(remaining) : usableAmount(row, amount, remaining);
      return redeemed.ok
        ? ok({ redeemed: redeemed.value, left: 0, remainder: remaining - redeemed.value })
        : redeemed;
    }
  }
}

function usableAmount(
  row: VoucherRow,
  amount: number | string,
  remaining: number,
): Outcome<number> {
  const minor = positiveAmount('amount', amount, row.currency);
  if (!minor.ok || minor.value <= remaining) return minor;
  const left = `${toMajorText(remaining, row.currency)} ${row.currency}`;
  return invalidFields([
    { path: 'amount', message: `is more than the ${left} left on the voucher` },
  ]);
}
