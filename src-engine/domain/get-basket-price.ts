import { priceBasket, type PricedBasket } from '../../src-shared/pricing';
import type { GetBasketPriceRequest, SpaazaWarning, WirePricedBasket } from '../../src-shared/wire';
import type { Database } from '../db/schema';
import { claimedVouchersOf, toDomainVoucher, type VoucherRow } from '../repo/vouchers';
import type { Kysely, Transaction } from 'kysely';
import { toPricedBasket, toWarning, unmatchedReturnWarning } from '../wire/priced-basket';
import type { Actor } from './actor';
import { audit } from './audit';
import { readBasketInput, resolveVoucherRefs, type BasketInput } from './basket-input';
import { matchReturns } from './returns';

export interface BasketPriceAnswer {
  readonly basket: WirePricedBasket;
  readonly warnings: SpaazaWarning[];
}

class LockRace extends Error {}
const ATTEMPTS = 3;

/**
 * Prices a provisional basket and locks every applied voucher for it (docs/architecture.md, "Locking and redemption"). Pricing the same
 * basket again refreshes its locks and releases the ones on vouchers it no longer holds. A
 * voucher another sale grabs between the read and the lock makes the whole answer start over.
 */
export async function getBasketPrice(
  db: Kysely<Database>,
  actor: Actor,
  request: GetBasketPriceRequest,
  now: number,
): Promise<BasketPriceAnswer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute((trx) => priceAndLock(trx, actor, request, now));
    } catch (error) {
      if (!(error instanceof LockRace) || attempt === ATTEMPTS) throw error;
    }
  }
}

async function priceAndLock(
  trx: Transaction<Database>,
  actor: Actor,
  request: GetBasketPriceRequest,
  now: number,
): Promise<BasketPriceAnswer> {
  const input = await readBasketInput(trx, actor, request);
  const asked = await resolveVoucherRefs(trx, input, request.basket.basket_vouchers ?? []);
  const owned = input.member ? await claimedVouchersOf(trx, input.member.id) : [];
  const rows = new Map<string, VoucherRow>(
    [...owned, ...asked.rows].map((row) => [row.voucher_key, row]),
  );
  const { unmatched } = await matchReturns(trx, input.chainId, request.basket, input.lines);
  const lines = input.lines.map((line) =>
    unmatched.has(line.id) ? { ...line, excluded: true } : line,
  );

  const priced = priceBasket(lines, [...rows.values()].map(toDomainVoucher), now, {
    basketCode: input.basketCode,
    lockingCode: input.lockingCode,
    memberNumber: input.member?.number ?? null,
    unknownVoucherRefs: asked.unknown,
  });
  await lockApplied(trx, actor, input, priced, rows, now);

  return {
    basket: toPricedBasket(request.basket, priced, rows, {
      chainId: input.chainId,
      currency: input.currency,
      now,
      unmatchedReturns: unmatched,
    }),
    warnings: [...priced.rejected.map(toWarning), ...[...unmatched].map(unmatchedReturnWarning)],
  };
}

async function lockApplied(
  trx: Transaction<Database>,
  actor: Actor,
  input: BasketInput,
  priced: PricedBasket,
  rows: Map<string, VoucherRow>,
  now: number,
): Promise<void> {
  const basketCode = input.lockExclusively ? input.basketCode : null;
  const appliedIds: number[] = [];
  for (const applied of priced.applied) {
    const row = rows.get(applied.voucher.key);
    if (!row) continue;
    appliedIds.push(row.id);
    const until = now + row.lock_period_seconds * 1000;
    const result = await trx
      .updateTable('vouchers')
      .set({ lock_until: until, lock_basket_code: basketCode, lock_code: input.lockingCode })
      .where('id', '=', row.id)
      .where('burned_at', 'is', null)
      .where('deleted_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('lock_until', 'is', null),
          eb('lock_until', '<=', now),
          eb.and([
            eb.or([
              eb('lock_basket_code', 'is', null),
              eb('lock_basket_code', '=', input.basketCode),
            ]),
            eb.or([eb('lock_code', 'is', null), eb('lock_code', '=', input.lockingCode)]),
          ]),
        ]),
      )
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new LockRace();
    const refresh =
      row.lock_until !== null && row.lock_until > now && row.lock_basket_code === basketCode;
    if (!refresh)
      await audit(trx, actor, 'lock', now, { voucherId: row.id, basketCode: input.basketCode });
    rows.set(row.voucher_key, {
      ...row,
      lock_until: until,
      lock_basket_code: basketCode,
      lock_code: input.lockingCode,
    });
  }
  if (input.basketCode === null) return;

  let release = trx
    .updateTable('vouchers')
    .set({ lock_until: null, lock_basket_code: null, lock_code: null })
    .where('chain_id', '=', input.chainId)
    .where('lock_basket_code', '=', input.basketCode)
    .where('burned_at', 'is', null);
  if (appliedIds.length > 0) release = release.where('id', 'not in', appliedIds);
  const released = await release.returning('id').execute();
  for (const { id } of released) {
    await audit(trx, actor, 'release', now, {
      voucherId: id,
      basketCode: input.basketCode,
      reason: 'no longer in the basket',
    });
  }
}
