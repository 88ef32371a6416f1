import { toMinorUnits } from '../../src-shared/money';
import type { Voucher } from '../../src-shared/vouchers';
import { fromSpaazaDateTime, type WireVoucher } from '../../src-shared/wire';

/** A wire amount the engine sent, in minor units; an amount the schema let through but the currency cannot hold is the engine's fault. */
export function minorOf(amount: number | null | undefined, currency: string): number {
  if (amount === null || amount === undefined) return 0;
  const converted = toMinorUnits(amount, currency);
  if (!converted.ok) throw new RangeError(`engine sent an amount that ${converted.error.message}`);
  return converted.value;
}

export function instantOf(spaazaDateTime: string | null | undefined): number | null {
  return spaazaDateTime ? fromSpaazaDateTime(spaazaDateTime) : null;
}

/**
 * An applied voucher as the pricing core sees it, to price the same basket locally: the
 * engine applied it, so it is usable for this sale (claimed, unlocked for us).
 */
export function appliedVoucherToDomain(
  wire: WireVoucher,
  currency: string,
  memberNumber: string | null,
): Voucher | null {
  const createdAt = wire.voucher_created_datetime ? Date.parse(wire.voucher_created_datetime) : 0;
  const common = {
    key: wire.voucher_key,
    code: wire.voucher_code ?? null,
    campaignId: wire.campaign_id ?? 0,
    exclusive: wire.campaign_exclusive ?? false,
    ownerMemberNumber: wire.member_number ?? (wire.user_id ? memberNumber : null),
    createdAt: Number.isNaN(createdAt) ? 0 : createdAt,
    claimedAt: createdAt,
    validatedAt: null,
    burnedAt: null,
    expiresAt: null,
    deletedAt: null,
    lock: null,
  };
  switch (wire.voucher_type) {
    case 'basket':
      return {
        ...common,
        type: 'basket',
        amount: minorOf(wire.voucher_amount, currency),
        currency,
      };
    case 'basket_pct':
      return { ...common, type: 'basket_pct', ratio: wire.voucher_discount_ratio ?? 0 };
    case 'honour':
      return { ...common, type: 'honour', honourCode: wire.voucher_honour_code ?? '' };
    case 'basket_fixed_unit':
      return null;
  }
}

/** An ISO-8601 or Spaaza date-time the engine sent; null when absent or unreadable. */
function instantOfAny(text: string | null | undefined): number | null {
  if (!text) return null;
  const spaaza = fromSpaazaDateTime(text);
  if (spaaza !== null) return spaaza;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
}

/**
 * An honour voucher as the change feed sent it, with the state its status, expiry and lock
 * give it at the time of the feed (the offline cache: docs/architecture.md, "Offline and sync"). `memberNumber` is the owner the
 * cache row names, used when the wire object does not carry one.
 */
export function cachedHonourToDomain(
  wire: WireVoucher,
  honourCode: string,
  memberNumber: string | null,
): Voucher {
  const createdAt = instantOfAny(wire.voucher_created_datetime) ?? 0;
  const lockedUntil = wire.voucher_locked ? instantOf(wire.voucher_locked_until) : null;
  return {
    type: 'honour',
    honourCode,
    key: wire.voucher_key,
    code: wire.voucher_code ?? null,
    campaignId: wire.campaign_id ?? 0,
    exclusive: wire.campaign_exclusive ?? false,
    ownerMemberNumber: wire.member_number ?? memberNumber,
    createdAt,
    claimedAt: wire.voucher_status === 'generated' ? null : createdAt,
    validatedAt: null,
    burnedAt:
      wire.voucher_status === 'redeemed'
        ? (instantOfAny(wire.voucher_redeemed_datetime) ?? createdAt)
        : null,
    expiresAt: instantOf(wire.voucher_expiry_datetime_utc),
    deletedAt: null,
    lock:
      lockedUntil === null
        ? null
        : {
            until: lockedUntil,
            basketCode: wire.voucher_retailer_basket_code_exclusive ?? null,
            lockingCode: wire.voucher_locking_code ?? null,
          },
  };
}
