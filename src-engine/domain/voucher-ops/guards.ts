import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema';

/*
 * The conditions a voucher update is made under (compare-and-set): the update changes the row
 * only while what the decision relied on still holds.
 */

export type Guard = (eb: ExpressionBuilder<Database, 'vouchers'>) => Expression<SqlBool>;

export const notBurned: Guard = (eb) => eb('burned_at', 'is', null);
export const present: Guard = (eb) => eb('deleted_at', 'is', null);
export const claimed: Guard = (eb) => eb('claimed_at', 'is not', null);
export const unclaimed: Guard = (eb) => eb('claimed_at', 'is', null);
export const unexpiredAt =
  (now: number): Guard =>
  (eb) =>
    eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]);
export const unlockedAt =
  (now: number): Guard =>
  (eb) =>
    eb.or([eb('lock_until', 'is', null), eb('lock_until', '<=', now)]);
/** No lock holds, or the one that holds is bound to nothing but this basket and this locking code. */
export const lockFreeFor =
  (now: number, basketCode: string | null, lockingCode: string | null): Guard =>
  (eb) =>
    eb.or([
      unlockedAt(now)(eb),
      eb.and([
        eb.or([
          eb('lock_basket_code', 'is', null),
          ...(basketCode === null ? [] : [eb('lock_basket_code', '=', basketCode)]),
        ]),
        eb.or([
          eb('lock_code', 'is', null),
          ...(lockingCode === null ? [] : [eb('lock_code', '=', lockingCode)]),
        ]),
      ]),
    ]);
export const allOf =
  (...guards: Guard[]): Guard =>
  (eb) =>
    eb.and(guards.map((guard) => guard(eb)));

export const NO_LOCK = { lock_until: null, lock_basket_code: null, lock_code: null } as const;
