import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { LockHolder } from '../../../src-shared/vouchers';
import type { Database } from '../../db/schema';

/*
 * The conditions a voucher update is made under (compare-and-set): the update changes the row
 * only while what the decision relied on still holds. `lockFreeFor` and `usableBy` are the SQL
 * form of the voucher rule in src-shared/vouchers/usable.ts, tested against it case by case.
 */

export type Guard = (eb: ExpressionBuilder<Database, 'vouchers'>) => Expression<SqlBool>;

export const notBurned: Guard = (eb) => eb('burned_at', 'is', null);
export const present: Guard = (eb) => eb('deleted_at', 'is', null);
export const claimed: Guard = (eb) => eb('claimed_at', 'is not', null);
export const unclaimed: Guard = (eb) => eb('claimed_at', 'is', null);
export const unowned: Guard = (eb) => eb('member_id', 'is', null);
/** Still owned as read: by that member, or by none. */
export const ownedBy =
  (memberId: number | null): Guard =>
  (eb) =>
    memberId === null ? unowned(eb) : eb('member_id', '=', memberId);
export const unexpiredAt =
  (now: number): Guard =>
  (eb) =>
    eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]);
/** No lock holds at `now` (`lockHolds` is false). */
export const unlockedAt =
  (now: number): Guard =>
  (eb) =>
    eb.or([eb('lock_until', 'is', null), eb('lock_until', '<=', now)]);
export const allOf =
  (...guards: Guard[]): Guard =>
  (eb) =>
    eb.and(guards.map((guard) => guard(eb)));

/** `heldAgainst` is null: no lock holds, or the one that holds is bound to `holder`'s locking code, or, taken without one, to nothing but `holder`'s basket code. */
export const lockFreeFor =
  (holder: LockHolder, now: number): Guard =>
  (eb) =>
    eb.or([
      unlockedAt(now)(eb),
      ...(holder.lockingCode === null ? [] : [eb('lock_code', '=', holder.lockingCode)]),
      eb.and([
        eb('lock_code', 'is', null),
        eb.or([
          eb('lock_basket_code', 'is', null),
          ...(holder.basketCode === null ? [] : [eb('lock_basket_code', '=', holder.basketCode)]),
        ]),
      ]),
    ]);

/** `checkUsable` finds nothing but perhaps a lock: present, not burned, claimed and unexpired. */
export const usableButForLocksAt = (now: number): Guard =>
  allOf(present, notBurned, claimed, unexpiredAt(now));

/**
 * `checkUsable` is ok for `holder`: usable, and free of other sales' locks. The owner is checked
 * apart (`ownedBy`): claim-voucher may give an unowned voucher its owner.
 */
export const usableBy = (holder: LockHolder, now: number): Guard =>
  allOf(usableButForLocksAt(now), lockFreeFor(holder, now));

export const NO_LOCK = {
  lock_until: null,
  lock_basket_code: null,
  lock_code: null,
  lock_store_code: null,
} as const;
