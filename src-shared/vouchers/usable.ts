import { err, ok, type Result } from '../result';
import { isExpired, lockHolds } from './state';
import type { Instant, Voucher } from './voucher';

/** The sale a voucher is about to be used in. */
export interface UseContext {
  /** The basket's `retailer_basket_code`; null for a basket without one. */
  readonly basketCode: string | null;
  /** The `voucher_locking_code` the caller presents, if any. */
  readonly lockingCode: string | null;
  /** The identified customer; null for an anonymous basket. */
  readonly memberNumber: string | null;
}

export type UnusableReason =
  | { readonly code: 'voucher_not_found' }
  | { readonly code: 'voucher_already_redeemed' }
  | { readonly code: 'voucher_expired' }
  | { readonly code: 'voucher_not_claimed' }
  | { readonly code: 'voucher_wrong_owner' }
  | { readonly code: 'voucher_locked'; readonly lockedUntil: Instant }
  | { readonly code: 'voucher_locking_code_mismatch'; readonly lockedUntil: Instant };

/**
 * Why a voucher cannot be used at `now` in the sale `context`, or ok. A deleted voucher is
 * not found; otherwise the checks run from the most final state (used) to the most
 * transient (a lock that will lapse).
 */
export function checkUsable(
  voucher: Voucher,
  now: Instant,
  context: UseContext,
): Result<void, UnusableReason> {
  if (voucher.deletedAt !== null) return err({ code: 'voucher_not_found' });
  if (voucher.burnedAt !== null) return err({ code: 'voucher_already_redeemed' });
  if (isExpired(voucher, now)) return err({ code: 'voucher_expired' });
  if (voucher.claimedAt === null) return err({ code: 'voucher_not_claimed' });
  if (voucher.ownerMemberNumber !== null && voucher.ownerMemberNumber !== context.memberNumber) {
    return err({ code: 'voucher_wrong_owner' });
  }
  if (voucher.lock !== null && lockHolds(voucher, now)) {
    const { basketCode, lockingCode, until } = voucher.lock;
    if (basketCode !== null && basketCode !== context.basketCode) {
      return err({ code: 'voucher_locked', lockedUntil: until });
    }
    if (lockingCode !== null && lockingCode !== context.lockingCode) {
      return err({ code: 'voucher_locking_code_mismatch', lockedUntil: until });
    }
  }
  return ok(undefined);
}

/** Usable: claimed, not burned, not deleted, not expired, and not held for another sale. */
export function isUsable(voucher: Voucher, now: Instant, context: UseContext): boolean {
  return checkUsable(voucher, now, context).ok;
}
