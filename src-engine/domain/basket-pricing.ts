import type {
  AppliedVoucher,
  ChargeMismatch,
  PricedBasket,
  RejectedVoucher,
} from '../../src-shared/pricing';
import type { VoucherRow } from '../repo/vouchers';

/** Why a basket's member was left out: the basket is priced and stored anonymously. */
/** `key` is the value the caller named the member by; `named` says which ways, for people. */
export type MemberWarning =
  | { readonly kind: 'member_not_found'; readonly key: string; readonly named: string }
  | {
      readonly kind: 'member_programme_not_supported';
      readonly key: string;
      readonly programme: string;
    };

/** What a basket was priced without, and why; each face words it in its own way. */
export type BasketWarning =
  | MemberWarning
  | { readonly kind: 'voucher_rejected'; readonly voucher: RejectedVoucher }
  | { readonly kind: 'return_unmatched'; readonly lineId: string }
  | { readonly kind: 'price_mismatch'; readonly mismatch: ChargeMismatch };

/** A basket as the engine priced it: the sums, the vouchers they used, and the warnings. */
export interface BasketPricing {
  readonly chainId: number;
  readonly currency: string;
  /** The member the basket is for, if any: the owner of a remainder of an unowned voucher. */
  readonly memberNumber: string | null;
  readonly childVoucherMinDays: number;
  readonly priced: PricedBasket;
  /** What the till says it charged for the whole basket (docs/spaaza-wire.md, "Basket calls"). */
  readonly totalCharged: number;
  /** Every voucher the pricing considered, by key, as it is after this request's changes. */
  readonly vouchers: ReadonlyMap<string, VoucherRow>;
  /** The line ids of returns that match no earlier purchase: priced without voucher logic. */
  readonly unmatchedReturns: ReadonlySet<string>;
  readonly warnings: readonly BasketWarning[];
}

/**
 * The warnings of a pricing, in the order the answer lists them: the member, vouchers, returns,
 * then what was charged.
 */
export function basketWarnings(
  member: MemberWarning | null,
  rejected: readonly RejectedVoucher[],
  unmatchedReturns: ReadonlySet<string>,
  mismatches: readonly ChargeMismatch[] = [],
): BasketWarning[] {
  return [
    ...(member === null ? [] : [member]),
    ...rejected.map((voucher) => ({ kind: 'voucher_rejected' as const, voucher })),
    ...[...unmatchedReturns].map((lineId) => ({ kind: 'return_unmatched' as const, lineId })),
    ...mismatches.map((mismatch) => ({ kind: 'price_mismatch' as const, mismatch })),
  ];
}

/** How many things the basket named that do not exist: an unknown card, unknown voucher codes. */
export function namedButMissing(warnings: readonly BasketWarning[]): number {
  return warnings.filter(
    (warning) =>
      warning.kind === 'member_not_found' ||
      (warning.kind === 'voucher_rejected' && warning.voucher.reason === 'voucher_not_found'),
  ).length;
}

/** A fixed voucher worth more than the basket: add-basket issues what is left as a new voucher. */
export function leavesRemainder(applied: AppliedVoucher): boolean {
  return applied.voucher.type === 'basket' && applied.amountRemaining > 0;
}
