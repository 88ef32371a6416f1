import type { Instant, Voucher } from '../vouchers/voucher';
import type { RejectionCode } from './reasons';

/** One basket line as priced: amounts in minor units of the basket's currency. */
export interface BasketLine {
  /** Unique within the basket (`retailer_item_code`). */
  readonly id: string;
  /** Positive; fractional for weighed goods (at most 6 decimals). */
  readonly quantity: number;
  /** Minor units; negative on a return line. */
  readonly unitPrice: number;
  /** Takes no voucher discount (e.g. tobacco, gift cards, `excluded_from_spaaza`). */
  readonly excluded?: boolean;
  /** A return line takes no voucher discount either. */
  readonly returnItem?: boolean;
}

export interface PricingContext {
  readonly basketCode?: string | null;
  readonly lockingCode?: string | null;
  readonly memberNumber?: string | null;
  /** Vouchers the caller asked for by key or code that do not exist: each becomes `voucher_not_found`. */
  readonly unknownVoucherRefs?: readonly string[];
  /** Set when the till prices without the engine: value vouchers are refused unless allowed. */
  readonly offline?: { readonly valueVouchersAllowed: boolean };
}

export interface VoucherShare {
  readonly voucherKey: string;
  readonly discount: number;
}

export interface PricedLine extends BasketLine {
  /** quantity × unit price, rounded half away from zero. */
  readonly gross: number;
  readonly discountable: boolean;
  readonly discount: number;
  readonly net: number;
  /** Each applied voucher's part of this line's discount (only non-zero parts). */
  readonly shares: readonly VoucherShare[];
}

export interface AppliedVoucher {
  readonly voucher: Voucher;
  readonly discount: number;
  /** For a `basket` voucher worth more than the basket: what is left over, to be reissued. */
  readonly amountRemaining: number;
}

export interface RejectedVoucher {
  /** The key or code the voucher was known by (the code when it has one). */
  readonly ref: string;
  readonly voucherKey: string | null;
  readonly reason: RejectionCode;
  readonly message: string;
  /** For `voucher_locked` and `voucher_locking_code_mismatch`: when the other hold ends. */
  readonly lockedUntil: Instant | null;
  /** For `voucher_locked`: the basket code of the sale that holds it (naming its till). */
  readonly heldBy: string | null;
}

export interface BasketTotals {
  /** Every line's gross, returns included. */
  readonly gross: number;
  /** The gross of the lines vouchers may discount. */
  readonly discountable: number;
  readonly discount: number;
  /** gross − discount: what the customer pays (negative for a refund). */
  readonly net: number;
}

export interface PricedBasket {
  readonly lines: readonly PricedLine[];
  /** Percentage vouchers, then fixed-amount ones, then honour ones, in the order applied. */
  readonly applied: readonly AppliedVoucher[];
  readonly rejected: readonly RejectedVoucher[];
  readonly totals: BasketTotals;
}
