import type { PricedBasket, RejectedVoucher } from '../../src-shared/pricing';
import type { VoucherRow } from '../repo/vouchers';

/** What a basket was priced without, and why; each face words it in its own way. */
export type BasketWarning =
  | { readonly kind: 'voucher_rejected'; readonly voucher: RejectedVoucher }
  | { readonly kind: 'return_unmatched'; readonly lineId: string };

/** A basket as the engine priced it: the sums, the vouchers they used, and the warnings. */
export interface BasketPricing {
  readonly chainId: number;
  readonly currency: string;
  readonly priced: PricedBasket;
  /** Every voucher the pricing considered, by key, as it is after this request's changes. */
  readonly vouchers: ReadonlyMap<string, VoucherRow>;
  /** The line ids of returns that match no earlier purchase: priced without voucher logic. */
  readonly unmatchedReturns: ReadonlySet<string>;
  readonly warnings: readonly BasketWarning[];
}

/** The warnings of a pricing, in the order the answer lists them: vouchers first, then returns. */
export function basketWarnings(
  rejected: readonly RejectedVoucher[],
  unmatchedReturns: ReadonlySet<string>,
): BasketWarning[] {
  return [
    ...rejected.map((voucher) => ({ kind: 'voucher_rejected' as const, voucher })),
    ...[...unmatchedReturns].map((lineId) => ({ kind: 'return_unmatched' as const, lineId })),
  ];
}
