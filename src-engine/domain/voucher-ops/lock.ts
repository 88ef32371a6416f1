import type { Kysely, Transaction } from 'kysely';
import { ok } from '../../../src-shared/result';
import { heldAgainst, lockHolds } from '../../../src-shared/vouchers';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { toDomainVoucher, type Executor, type VoucherRow } from '../../repo/vouchers';
import { storeRefusal, type Actor } from '../actor';
import { refuse, type Outcome } from '../refusal';
import { changeVoucherIn, type VoucherRef } from './change';
import { rememberFreed } from './freed';
import type { Decide } from './compare-and-set';
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
): Promise<Outcome<VoucherRow>> {
  return inTransaction(db, (trx) => lockVoucherIn(trx, actor, request, now));
}

/** lock-voucher inside the caller's transaction (claim-vouchers locks what it claims in one). */
export async function lockVoucherIn(
  trx: Transaction<Database>,
  actor: Actor,
  request: LockRequest,
  now: number,
): Promise<Outcome<VoucherRow>> {
  const stored = await storedBasketRefusal(trx, actor.chainId, request);
  if (stored) return stored;
  return changeVoucherIn(
    trx,
    actor,
    request.ref,
    now,
    lockDecision(request, now, actor.storeCode ?? null),
  );
}

/**
 * The lock rule: a used voucher, or one another sale holds, is refused; otherwise the lock is
 * set for the request's period (the voucher's own by default), for the caller's store.
 * create-voucher applies it too.
 */
export function lockDecision(
  request: Omit<LockRequest, 'ref'>,
  now: number,
  storeCode: string | null,
): Decide<VoucherRow> {
  const { basketCode, lockingCode } = request;
  return (row) => {
    const voucher = toDomainVoucher(row);
    if (voucher.burnedAt !== null)
      return refusal(row, 'lock', { code: 'voucher_already_redeemed' });
    const held = heldAgainst(voucher, now, request);
    if (held) return refusal(row, 'lock', held);
    const seconds = request.periodSeconds ?? row.lock_period_seconds;
    return ok({
      set: {
        lock_until: now + seconds * 1000,
        lock_basket_code: basketCode,
        lock_code: lockingCode,
        lock_store_code: storeCode,
      },
      guard: allOf(notBurned, lockFreeFor(request, now)),
      audits: ['lock'],
      basketCode,
    });
  };
}

/** unlock-voucher: clears any lock, and the audit trail says who, and why when told. */
export async function unlockVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: { readonly ref: VoucherRef; readonly reason: string | null },
  now: number,
): Promise<Outcome<VoucherRow>> {
  return inTransaction(db, async (trx) => {
    // the basket the lock held it for, as the compare-and-set last read it
    const held: { basketCode: string | null } = { basketCode: null };
    const unlocked = await changeVoucherIn(trx, actor, request.ref, now, (row) => {
      held.basketCode = lockHolds(toDomainVoucher(row), now) ? row.lock_basket_code : null;
      return unlockDecision(actor, request, now)(row);
    });
    // that basket's next pricing must not take the lock back (freed.ts)
    const { basketCode } = held;
    if (unlocked.ok && basketCode !== null)
      await rememberFreed(
        trx,
        { chainId: unlocked.value.chain_id, basketCode, voucherId: unlocked.value.id },
        now,
      );
    return unlocked;
  });
}

function unlockDecision(
  actor: Actor,
  request: { readonly reason: string | null },
  now: number,
): Decide<VoucherRow> {
  return (row) => {
    // a lock no store took (a chain-wide caller's) may be freed by any store's manager
    const otherStore =
      lockHolds(toDomainVoucher(row), now) && row.lock_store_code !== null
        ? storeRefusal(actor, row.lock_store_code)
        : null;
    if (otherStore) return otherStore;
    return ok({
      set: NO_LOCK,
      audits: ['unlock'],
      basketCode: row.lock_basket_code,
      reason: request.reason,
    });
  };
}

/**
 * A lock bound to a basket already stored would never be used: refused. A lock taken with a
 * locking code is bound to that code, not to the basket code, so it is not checked.
 */
export async function storedBasketRefusal(
  db: Executor,
  chainId: number,
  lock: { readonly basketCode: string | null; readonly lockingCode: string | null },
): Promise<Outcome<never> | null> {
  const { basketCode, lockingCode } = lock;
  if (basketCode === null || lockingCode !== null) return null;
  const stored = await db
    .selectFrom('baskets')
    .select('id')
    .where('chain_id', '=', chainId)
    .where('retailer_basket_code', '=', basketCode)
    .executeTakeFirst();
  return stored
    ? refuse(
        'basket_already_exists',
        `basket ${basketCode} is already stored: a lock for it would never be used`,
      )
    : null;
}
