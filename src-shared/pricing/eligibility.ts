import { checkUsable } from '../vouchers/usable';
import type { Instant, Voucher } from '../vouchers/voucher';
import { rejectionMessage, type RejectionCode } from './reasons';
import type { PricingContext, RejectedVoucher } from './types';

export interface Eligibility {
  /** In application order: percentage vouchers oldest first, then fixed ones, then honour ones. */
  readonly applicable: readonly Voucher[];
  readonly rejected: readonly RejectedVoucher[];
}

const TYPE_ORDER: Readonly<Record<Voucher['type'], number>> = {
  basket_pct: 0,
  basket: 1,
  honour: 2,
};

/** Oldest first; the key breaks ties so that the order never depends on the input's order. */
function byAge(a: Voucher, b: Voucher): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function inApplicationOrder(a: Voucher, b: Voucher): number {
  return TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || byAge(a, b);
}

export function reject(
  ref: string,
  voucherKey: string | null,
  reason: RejectionCode,
  lockedUntil: Instant | null = null,
  heldBy: string | null = null,
): RejectedVoucher {
  return { ref, voucherKey, reason, message: rejectionMessage(reason), lockedUntil, heldBy };
}

function refOf(voucher: Voucher): string {
  return voucher.code ?? voucher.key;
}

/** Decides which vouchers take part in pricing and why each other one does not. */
export function decideEligibility(
  vouchers: readonly Voucher[],
  now: Instant,
  context: PricingContext,
): Eligibility {
  const rejected: RejectedVoucher[] = [];
  const seen = new Set<string>();
  const usable: Voucher[] = [];
  const useContext = {
    basketCode: context.basketCode ?? null,
    lockingCode: context.lockingCode ?? null,
    memberNumber: context.memberNumber ?? null,
  };

  for (const ref of new Set(context.unknownVoucherRefs ?? [])) {
    rejected.push(reject(ref, null, 'voucher_not_found'));
  }
  for (const voucher of vouchers) {
    if (seen.has(voucher.key)) continue;
    seen.add(voucher.key);
    const check = checkUsable(voucher, now, useContext);
    if (!check.ok) {
      const until = 'lockedUntil' in check.error ? check.error.lockedUntil : null;
      const heldBy = 'heldBy' in check.error ? check.error.heldBy : null;
      rejected.push(reject(refOf(voucher), voucher.key, check.error.code, until, heldBy));
    } else if (
      context.offline &&
      !context.offline.valueVouchersAllowed &&
      voucher.type !== 'honour'
    ) {
      rejected.push(reject(refOf(voucher), voucher.key, 'voucher_offline_not_allowed'));
    } else {
      usable.push(voucher);
    }
  }

  const exclusive = usable.filter((voucher) => voucher.exclusive).sort(byAge)[0];
  if (exclusive) {
    for (const voucher of usable) {
      if (voucher !== exclusive) {
        rejected.push(reject(refOf(voucher), voucher.key, 'voucher_not_combinable'));
      }
    }
    return { applicable: [exclusive], rejected };
  }
  return { applicable: [...usable].sort(inApplicationOrder), rejected };
}
