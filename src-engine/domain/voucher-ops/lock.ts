import type { Kysely } from 'kysely';
import { lockHolds, type UnusableReason, type Voucher } from '../../../src-shared/vouchers';
import type { Database } from '../../db/schema';
import { EngineError } from '../../http/errors';
import { toDomainVoucher, type VoucherRow } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { changeVoucher, type VoucherRef } from './change';
import { allOf, lockFreeFor, NO_LOCK, notBurned } from './guards';
import { refusal } from './refusals';

export interface LockRequest {
  readonly ref: VoucherRef;
  readonly basketCode: string | null;
  readonly lockingCode: string | null;
  /** Seconds; the voucher's own lock period when absent. */
  readonly periodSeconds?: number | undefined;
}

/** lock-voucher: holds the voucher for one basket or locking code, unless another sale holds it. */
export async function lockVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: LockRequest,
  now: number,
): Promise<VoucherRow> {
  const { basketCode, lockingCode } = request;
  if (basketCode !== null) await refuseStoredBasket(db, actor.chainId, basketCode);
  return changeVoucher(db, actor, request.ref, now, (row) => {
    const voucher = toDomainVoucher(row);
    if (voucher.burnedAt !== null) throw refusal(row, 'lock', { code: 'voucher_already_redeemed' });
    const held = heldElsewhere(voucher, now, basketCode, lockingCode);
    if (held) throw refusal(row, 'lock', held);
    const seconds = request.periodSeconds ?? row.lock_period_seconds;
    return {
      action: 'lock',
      set: {
        lock_until: now + seconds * 1000,
        lock_basket_code: basketCode,
        lock_code: lockingCode,
      },
      guard: allOf(notBurned, lockFreeFor(now, basketCode, lockingCode)),
      basketCode,
    };
  });
}

/** unlock-voucher: clears any lock, and the audit trail says who and why. */
export async function unlockVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: { readonly ref: VoucherRef; readonly reason: string },
  now: number,
): Promise<VoucherRow> {
  return changeVoucher(db, actor, request.ref, now, (row) => ({
    action: 'unlock',
    set: NO_LOCK,
    basketCode: row.lock_basket_code,
    reason: request.reason,
  }));
}

async function refuseStoredBasket(
  db: Kysely<Database>,
  chainId: number,
  basketCode: string,
): Promise<void> {
  const stored = await db
    .selectFrom('baskets')
    .select('id')
    .where('chain_id', '=', chainId)
    .where('retailer_basket_code', '=', basketCode)
    .executeTakeFirst();
  if (stored)
    throw new EngineError(
      'basket_already_exists',
      `basket ${basketCode} is already stored: a lock for it would never be used`,
    );
}

/** The lock part of usability: a holding lock bound to another basket or locking code. */
function heldElsewhere(
  voucher: Voucher,
  now: number,
  basketCode: string | null,
  lockingCode: string | null,
): UnusableReason | null {
  if (voucher.lock === null || !lockHolds(voucher, now)) return null;
  const { until, basketCode: heldFor, lockingCode: heldWith } = voucher.lock;
  if (heldFor !== null && heldFor !== basketCode)
    return { code: 'voucher_locked', lockedUntil: until };
  if (heldWith !== null && heldWith !== lockingCode)
    return { code: 'voucher_locking_code_mismatch', lockedUntil: until };
  return null;
}
