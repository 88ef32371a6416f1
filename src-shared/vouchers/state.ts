import type { Instant, Voucher } from './voucher';

/** The Spaaza face of a voucher's state. */
export type SpaazaStatus = 'generated' | 'claimed' | 'redeemed';

/** The WLL face: there is no status field in WLL either, it is read off the timestamps. */
export type WllStatus = 'CREATED' | 'REDEEMED' | 'VALIDATED' | 'BURNED' | 'EXPIRED';

/** The full state timestamps give (docs/architecture.md, "Voucher state"), as the till and the engine reason about it. */
export type VoucherState = 'deleted' | 'redeemed' | 'expired' | 'claimed' | 'generated';

export function spaazaStatus(voucher: Voucher): SpaazaStatus {
  if (voucher.burnedAt !== null) return 'redeemed';
  if (voucher.claimedAt !== null) return 'claimed';
  return 'generated';
}

/** Expired when the expiry has passed and the voucher was not used in a sale before it. */
export function isExpired(voucher: Voucher, now: Instant): boolean {
  return voucher.burnedAt === null && voucher.expiresAt !== null && voucher.expiresAt <= now;
}

export function voucherState(voucher: Voucher, now: Instant): VoucherState {
  if (voucher.deletedAt !== null) return 'deleted';
  if (voucher.burnedAt !== null) return 'redeemed';
  if (isExpired(voucher, now)) return 'expired';
  return voucher.claimedAt !== null ? 'claimed' : 'generated';
}

/** A lock counts only until its end. */
export function lockHolds(voucher: Voucher, now: Instant): boolean {
  return voucher.lock !== null && voucher.lock.until > now;
}

/**
 * WLL's reading: Burned > Validated > Redeemed > Expired > Created, where a benefit
 * is only reported expired if it was neither redeemed (revealed) nor validated in time.
 */
export function wllStatus(voucher: Voucher, now: Instant): WllStatus {
  if (voucher.burnedAt !== null) return 'BURNED';
  if (voucher.validatedAt !== null) return 'VALIDATED';
  if (voucher.claimedAt !== null) return 'REDEEMED';
  if (voucher.expiresAt !== null && voucher.expiresAt <= now) return 'EXPIRED';
  return 'CREATED';
}
