import type { Kysely, Transaction } from 'kysely';
import { priceBasket, totalCharged, type PricedBasket } from '../../src-shared/pricing';
import { err, ok } from '../../src-shared/result';
import { lockHolds } from '../../src-shared/vouchers';
import type { GetBasketPriceRequest } from '../../src-shared/wire/basket-request';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { claimedVouchersOf, toDomainVoucher, type VoucherRow } from '../repo/vouchers';
import type { Actor } from './actor';
import { basketWarnings, type BasketPricing } from './basket-pricing';
import {
  leaveOutKept,
  readBasketInput,
  resolveVoucherRefs,
  type BasketInput,
} from './basket-input';
import type { Outcome } from './refusal';
import { matchReturns } from './returns';
import {
  compareAndSetOnce,
  LOST_RACE,
  retryLostRaces,
  type Attempt,
} from './voucher-ops/compare-and-set';
import { leaveOffFreed } from './voucher-ops/freed';
import { releaseBasketLocks } from './voucher-ops/release-basket-locks';
import { whileUsable } from './voucher-ops/while-usable';

/**
 * Prices a provisional basket and locks every applied voucher for it (docs/architecture.md, "Locking and redemption"); a training
 * basket is priced alike and changes nothing (docs/spaaza-wire.md, "Training baskets"). Pricing the same
 * basket again refreshes its locks and releases the ones on vouchers it no longer holds. A
 * voucher another sale grabs between the read and the lock rolls the answer back: the basket is
 * read and priced again, under the one retry policy (`retryLostRaces`). The answer is built by
 * `answerOf` before the transaction commits, so a pricing that cannot be answered locks nothing.
 */
export async function getBasketPrice<Answer>(
  db: Kysely<Database>,
  actor: Actor,
  request: GetBasketPriceRequest,
  now: number,
  answerOf: (pricing: BasketPricing) => Answer,
): Promise<Outcome<Answer>> {
  return retryLostRaces(
    () =>
      inTransaction(db, async (trx) => {
        const pricing = await priceAndLock(trx, actor, request, now);
        return pricing.ok ? ok(answerOf(pricing.value)) : pricing;
      }),
    () => "the basket's vouchers",
  );
}

async function priceAndLock(
  trx: Transaction<Database>,
  actor: Actor,
  request: GetBasketPriceRequest,
  now: number,
): Promise<Attempt<BasketPricing>> {
  const read = await readBasketInput(trx, actor, request);
  if (!read.ok) return read;
  const input = read.value;
  const asked = await resolveVoucherRefs(trx, input, request.basket.basket_vouchers ?? []);
  const owned = input.member ? await claimedVouchersOf(trx, input.member.id) : [];
  const rows = new Map<string, VoucherRow>(
    [...owned, ...asked.rows].map((row) => [row.voucher_key, row]),
  );
  // the customer keeps these for later: not applied, and this basket's lock on them released
  leaveOutKept(input, rows);
  // a manager freed these from this basket: pricing it must not take them back
  const freed = await leaveOffFreed(trx, input, rows);
  const { unmatched } = await matchReturns(trx, input.chainId, request.basket, input.lines);
  const lines = input.lines.map((line) =>
    unmatched.has(line.id) ? { ...line, excluded: true } : line,
  );

  const pricedNamed = priceBasket(lines, [...rows.values()].map(toDomainVoucher), now, {
    basketCode: input.basketCode,
    lockingCode: input.lockingCode,
    memberNumber: input.member?.number ?? null,
    unknownVoucherRefs: asked.unknown,
  });
  const priced = { ...pricedNamed, rejected: [...freed, ...pricedNamed.rejected] };
  // a training basket is only priced: it takes, renews and releases no lock
  if (!input.training) {
    const locked = await lockApplied(trx, actor, input, priced, rows, now);
    if (!locked.ok) return locked;
  }

  return ok({
    chainId: input.chainId,
    currency: input.currency,
    memberNumber: input.member?.number ?? null,
    childVoucherMinDays: input.childVoucherMinDays,
    priced,
    totalCharged: totalCharged(input.charged),
    vouchers: rows,
    unmatchedReturns: unmatched,
    warnings: basketWarnings(input.memberWarning, priced.rejected, unmatched),
  });
}

async function lockApplied(
  trx: Transaction<Database>,
  actor: Actor,
  input: BasketInput,
  priced: PricedBasket,
  rows: Map<string, VoucherRow>,
  now: number,
): Promise<Attempt<void>> {
  const basketCode = input.lockExclusively ? input.basketCode : null;
  const sale = {
    basketCode: input.basketCode,
    lockingCode: input.lockingCode,
    memberNumber: input.member?.number ?? null,
  };
  const appliedIds: number[] = [];
  for (const applied of priced.applied) {
    const row = rows.get(applied.voucher.key);
    if (!row) continue;
    appliedIds.push(row.id);
    const lock = whileUsable(trx, now, {
      row,
      sale,
      verb: 'lock',
      change: (current) => {
        const voucher = toDomainVoucher(current);
        const refresh =
          lockHolds(voucher, now) &&
          voucher.lock?.basketCode === basketCode &&
          voucher.lock.lockingCode === input.lockingCode;
        return ok({
          set: {
            // a recheck leaves a lock that still holds where it ends
            lock_until:
              refresh && input.keepLockEnds && current.lock_until !== null
                ? current.lock_until
                : now + current.lock_period_seconds * 1000,
            lock_basket_code: basketCode,
            lock_code: input.lockingCode,
            lock_store_code: input.storeCode,
          },
          audits: refresh ? [] : ['lock'],
          basketCode: input.basketCode,
          inHonourFeed: false,
        });
      },
    });
    // the pricing relied on this voucher: whatever stops its lock, the basket is priced again
    const locked = await compareAndSetOnce(trx, actor, now, lock);
    if (!locked.ok) return err(LOST_RACE);
    rows.set(row.voucher_key, locked.value.row);
  }
  await releaseBasketLocks(
    trx,
    actor,
    { chainId: input.chainId, holder: sale, keep: appliedIds, reason: 'no longer in the basket' },
    now,
  );
  return ok(undefined);
}
