/** An instant as milliseconds since the Unix epoch, UTC. */
export type Instant = number;

export type VoucherType = 'basket' | 'basket_pct' | 'honour';
export const VOUCHER_TYPES: readonly VoucherType[] = ['basket', 'basket_pct', 'honour'];

/** Every type the till may be told a voucher has: those it prices, and `basket_fixed_unit`, which it lists but never applies. */
export type ListedVoucherType = VoucherType | 'basket_fixed_unit';

export interface VoucherLock {
  readonly until: Instant;
  /** Set when the lock is exclusive to one basket (`voucher_retailer_basket_code_exclusive`). */
  readonly basketCode: string | null;
  /** Set when the lock is bound to a caller-chosen code (`voucher_locking_code`). */
  readonly lockingCode: string | null;
}

interface VoucherCommon {
  /** 64 hex characters. */
  readonly key: string;
  /** The customer-facing code, e.g. PROMO-7HD3XP; null when the voucher has none. */
  readonly code: string | null;
  readonly campaignId: number;
  /** An exclusive campaign's voucher is applied alone. */
  readonly exclusive: boolean;
  /** The member who owns it; null for an anonymous bearer voucher. */
  readonly ownerMemberNumber: string | null;
  readonly createdAt: Instant;
  readonly claimedAt: Instant | null;
  readonly validatedAt: Instant | null;
  readonly burnedAt: Instant | null;
  readonly expiresAt: Instant | null;
  readonly deletedAt: Instant | null;
  readonly lock: VoucherLock | null;
}

/** A fixed amount off the basket, in minor units of `currency`; `amount` is what is left on it. */
export interface BasketVoucher extends VoucherCommon {
  readonly type: 'basket';
  readonly amount: number;
  readonly currency: string;
}

/** A share off the basket: 0 < ratio ≤ 1 (0.1 is 10 %). */
export interface PercentVoucher extends VoucherCommon {
  readonly type: 'basket_pct';
  readonly ratio: number;
}

/** No monetary effect: the cashier acts on the honour code (a free coffee, a partner promotion). */
export interface HonourVoucher extends VoucherCommon {
  readonly type: 'honour';
  readonly honourCode: string;
}

/** The stored voucher (Spaaza) = benefit (WLL). Its state follows from its timestamps. */
export type Voucher = BasketVoucher | PercentVoucher | HonourVoucher;
