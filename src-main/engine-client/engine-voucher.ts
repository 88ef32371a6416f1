import type { z } from 'zod';
import type { ListedVoucherType, SpaazaStatus } from '../../src-shared/vouchers';
import { voucherObjectSchema, type WireVoucher } from '../../src-shared/wire';
import { instantOf, minorAmount } from './amounts';

/** A voucher as the engine described it, in the till's terms: amounts in minor units, instants in epoch ms. */
export interface EngineVoucher {
  readonly key: string;
  readonly code: string | null;
  readonly type: ListedVoucherType;
  readonly status: SpaazaStatus;
  readonly title: string | null;
  readonly campaignId: number | null;
  readonly exclusive: boolean;
  readonly memberNumber: string | null;
  /** The engine names an owning user, though maybe not the member number. */
  readonly hasOwner: boolean;
  /** Its value (`voucher_amount`) in minor units; null when the engine names none. */
  readonly amount: number | null;
  readonly ratio: number | null;
  readonly honourCode: string | null;
  readonly createdAt: number | null;
  readonly redeemedAt: number | null;
  readonly expiresAt: number | null;
  readonly locked: boolean;
  readonly lockedUntil: number | null;
  readonly lockingCode: string | null;
  /** The basket the voucher's lock is exclusive to. */
  readonly lockBasketCode: string | null;
}

/**
 * `currency` is the one the answer is in (the basket's); a voucher that names its own wins.
 * Issues are added under `path`.
 */
export function engineVoucherOf(
  wire: WireVoucher,
  currency: string | null,
  context: z.RefinementCtx,
  path: readonly (string | number)[],
): EngineVoucher {
  const voucherCurrency = wire.voucher_currency_code ?? currency;
  const amount =
    wire.voucher_amount === null || wire.voucher_amount === undefined || voucherCurrency === null
      ? null
      : minorAmount(wire.voucher_amount, voucherCurrency, context, [...path, 'voucher_amount']);
  return {
    key: wire.voucher_key,
    code: wire.voucher_code ?? null,
    type: wire.voucher_type,
    status: wire.voucher_status,
    title: wire.voucher_title ?? null,
    campaignId: wire.campaign_id ?? null,
    exclusive: wire.campaign_exclusive ?? false,
    memberNumber: wire.member_number ?? null,
    hasOwner: wire.user_id !== null && wire.user_id !== undefined && wire.user_id !== 0,
    amount,
    ratio: wire.voucher_discount_ratio ?? null,
    honourCode: wire.voucher_honour_code ?? null,
    createdAt: instantOf(wire.voucher_created_datetime),
    redeemedAt: instantOf(wire.voucher_redeemed_datetime),
    expiresAt: instantOf(wire.voucher_expiry_datetime_utc),
    locked: wire.voucher_locked,
    lockedUntil: instantOf(wire.voucher_locked_until),
    lockingCode: wire.voucher_locking_code ?? null,
    lockBasketCode: wire.voucher_retailer_basket_code_exclusive ?? null,
  };
}

/** The voucher object alone (get-vouchers, unlock-voucher, the honour feed), decoded once. */
export const engineVoucherSchema = voucherObjectSchema.transform((wire, context) =>
  engineVoucherOf(wire, null, context, []),
);
