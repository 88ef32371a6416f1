import { err, ok, type Result } from '../result';
import { isExpired, lockHolds } from './state';
import type { Instant, Voucher } from './voucher';

/** Who asks to use a voucher while a lock may hold it: a basket and a locking code, or neither. */
export interface LockHolder {
  /** The basket's `retailer_basket_code`; null for a basket without one. */
  readonly basketCode: string | null;
  /** The `voucher_locking_code` the caller presents, if any. */
  readonly lockingCode: string | null;
}

/** The sale a voucher is about to be used in. */
export interface UseContext extends LockHolder {
  /** The identified customer; null for an anonymous basket. */
  readonly memberNumber: string | null;
}

export type UnusableReason =
  | { readonly code: 'voucher_not_found' }
  | { readonly code: 'voucher_already_redeemed' }
  | { readonly code: 'voucher_expired' }
  | { readonly code: 'voucher_not_claimed' }
  | { readonly code: 'voucher_wrong_owner' }
  | {
      readonly code: 'voucher_locked';
      readonly lockedUntil: Instant;
      /** The basket the lock is bound to: which till's sale holds the voucher. */
      readonly heldBy: string;
    }
  | { readonly code: 'voucher_locking_code_mismatch'; readonly lockedUntil: Instant };

export type HeldReason = Extract<
  UnusableReason,
  { readonly code: 'voucher_locked' | 'voucher_locking_code_mismatch' }
>;

/**
 * The lock rule: a lock that holds at `now` keeps out everyone but the holder it is bound to. A
 * lock taken with a locking code is bound to that code instead of its basket code, so a sale
 * presenting the code may use it under any basket code; a lock without one is bound to its
 * basket code; a lock bound to neither keeps out nobody. Null when `holder` may use the voucher.
 * The engine's conditional updates check the same rule in SQL (`lockFreeFor`).
 */
export function heldAgainst(voucher: Voucher, now: Instant, holder: LockHolder): HeldReason | null {
  if (voucher.lock === null || !lockHolds(voucher, now)) return null;
  const { basketCode, lockingCode, until } = voucher.lock;
  if (lockingCode !== null)
    return lockingCode === holder.lockingCode
      ? null
      : { code: 'voucher_locking_code_mismatch', lockedUntil: until };
  if (basketCode !== null && basketCode !== holder.basketCode)
    return { code: 'voucher_locked', lockedUntil: until, heldBy: basketCode };
  return null;
}

/**
 * The usability rule: why a voucher cannot be used at `now` in the sale `context`, or ok. A
 * deleted voucher is not found; otherwise the checks run from the most final state (used) to
 * the most transient (a lock that will lapse). The engine's SQL twin is `usableBy`.
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
  const held = heldAgainst(voucher, now, context);
  return held === null ? ok(undefined) : err(held);
}

/** Usable: claimed, not burned, not deleted, not expired, and not held for another sale. */
export function isUsable(voucher: Voucher, now: Instant, context: UseContext): boolean {
  return checkUsable(voucher, now, context).ok;
}
