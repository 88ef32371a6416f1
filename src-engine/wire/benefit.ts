import { wllStatus, type WllStatus } from '../../src-shared/vouchers';
import { iso, isoOrNull } from '../../src-shared/wire';
import { codeValueOf, type BenefitRow } from '../repo/benefits';
import { toDomainVoucher } from '../repo/vouchers';

/*
 * The WLL face of a voucher (docs/wll-face.md, "Benefits"): a benefit with its reward, owner and code, in
 * WLL's field names; instants as ISO-8601 with milliseconds. There is no status field: the
 * state follows from the timestamps (docs/wll-face.md, "Benefit states"), as `benefitState` derives it for filters.
 */

/** A benefit's state on the WLL face: the shared status read off its timestamps. */
export type BenefitState = WllStatus;
export const BENEFIT_STATES: readonly BenefitState[] = [
  'CREATED',
  'REDEEMED',
  'VALIDATED',
  'BURNED',
  'EXPIRED',
];

export type WllDiscount =
  | { readonly type: 'ABSOLUTE'; readonly value: number }
  | { readonly type: 'PERCENTAGE'; readonly value: number };

export interface WllBenefit {
  readonly id: string;
  readonly type: 'VOUCHER';
  readonly createdAt: string;
  readonly redeemedAt: string | null;
  readonly expiresAt: string | null;
  readonly burnedAt: string | null;
  readonly reward: {
    readonly id: string;
    readonly name: string;
    readonly type: 'VOUCHER';
    readonly codeType: 'OTP' | 'POOL' | 'STATIC' | null;
    readonly hideCode: boolean;
    /** The expiry period in seconds; null: benefits of this reward never expire. */
    readonly purchaseExpiration: number | null;
    readonly currency: string;
    readonly discounts: readonly WllDiscount[];
    readonly details: { readonly voucherType: string; readonly honourCode?: string };
  };
  readonly owner: { readonly id: string } | null;
  readonly code: {
    readonly id: string;
    readonly createdAt: string;
    readonly updatedAt: string;
    readonly redeemedAt: string | null;
    readonly validatedAt: string | null;
    /** Shown once the benefit is redeemed, and never for a reward that hides its code. */
    readonly value: string | null;
  };
}

/**
 * Burned > validated > redeemed > expired (only when untouched) > created. The shared rule, so
 * that a benefit reads EXPIRED from the same instant its voucher stops being usable.
 */
export function benefitState(row: BenefitRow, now: number): BenefitState {
  return wllStatus(toDomainVoucher(row), now);
}

/** What the benefit is worth as issued: a burn moves a fixed amount to amount_redeemed, leaving 0. */
function discountsOf(row: BenefitRow): WllDiscount[] {
  switch (row.voucher_type) {
    case 'basket':
      return [{ type: 'ABSOLUTE', value: row.amount_original ?? row.amount ?? 0 }];
    case 'basket_pct':
      return [{ type: 'PERCENTAGE', value: (row.ratio_ppm ?? 0) / 10_000 }];
    case 'honour':
      return [];
  }
}

export function toBenefit(row: BenefitRow): WllBenefit {
  const revealed = row.claimed_at !== null && row.hide_code === 0;
  const codeTimes = [row.created_at, row.claimed_at, row.validated_at].filter(
    (at): at is number => at !== null,
  );
  return {
    id: row.uuid,
    type: 'VOUCHER',
    createdAt: iso(row.created_at),
    redeemedAt: isoOrNull(row.claimed_at),
    expiresAt: isoOrNull(row.expires_at),
    burnedAt: isoOrNull(row.burned_at),
    reward: {
      id: row.reward_uuid,
      name: row.reward_name,
      type: 'VOUCHER',
      codeType: row.code_type,
      hideCode: row.hide_code === 1,
      purchaseExpiration: row.expiry_seconds,
      currency: row.currency,
      discounts: discountsOf(row),
      details: {
        voucherType: row.voucher_type,
        ...(row.honour_code === null ? {} : { honourCode: row.honour_code }),
      },
    },
    owner: row.member_number === null ? null : { id: row.member_number },
    code: {
      id: row.code_uuid,
      createdAt: iso(row.created_at),
      updatedAt: iso(Math.max(...codeTimes)),
      redeemedAt: isoOrNull(row.claimed_at),
      validatedAt: isoOrNull(row.validated_at),
      value: revealed ? codeValueOf(row) : null,
    },
  };
}
