import type { RejectedVoucher } from '../../../src-shared/pricing';
import { rejectionMessage } from '../../../src-shared/pricing';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor, VoucherRow } from '../../repo/vouchers';

/*
 * Vouchers a manager freed from a basket still open on a till (docs/spaaza-wire.md, "Vouchers
 * a manager freed"). The till that held them learns of it only when it prices the basket again;
 * pricing it with the voucher would take the lock straight back and undo the unlock. So the
 * engine remembers the pair, leaves the voucher off that basket's pricing (refused as
 * `voucher_freed_by_manager`), and forgets the pair once a pricing of the basket no longer
 * names the voucher: a scan of it after that is a new request, priced as any other.
 */

/**
 * How long a pair is kept for a basket that is never priced again (its till was abandoned):
 * an open sale does not last this long, so its pair no longer matters.
 */
export const FREED_PAIR_DAYS = 7;

/**
 * Remembers that a manager freed `voucherId` from `basketCode` (once; a second unlock keeps the
 * first time), and forgets the chain's pairs older than `FREED_PAIR_DAYS`.
 */
export async function rememberFreed(
  trx: Transaction<Database>,
  pair: { readonly chainId: number; readonly basketCode: string; readonly voucherId: number },
  now: number,
): Promise<void> {
  await trx
    .insertInto('freed_basket_vouchers')
    .values({
      chain_id: pair.chainId,
      basket_code: pair.basketCode,
      voucher_id: pair.voucherId,
      freed_at: now,
    })
    .onConflict((conflict) =>
      conflict.columns(['chain_id', 'basket_code', 'voucher_id']).doNothing(),
    )
    .execute();
  await trx
    .deleteFrom('freed_basket_vouchers')
    .where('chain_id', '=', pair.chainId)
    .where('freed_at', '<', now - FREED_PAIR_DAYS * 86_400_000)
    .execute();
}

/**
 * Takes the vouchers freed from the basket out of `rows` (what the basket names and the
 * member owns) and answers their refusals; the pairs whose voucher the basket no longer
 * names are forgotten, unless the basket is a training one (which changes nothing).
 */
export async function leaveOffFreed(
  db: Executor,
  basket: {
    readonly chainId: number;
    readonly basketCode: string | null;
    readonly training?: boolean;
  },
  rows: Map<string, VoucherRow>,
): Promise<RejectedVoucher[]> {
  const { chainId, basketCode } = basket;
  if (basketCode === null) return [];
  const freed = await db
    .selectFrom('freed_basket_vouchers')
    .select('voucher_id')
    .where('chain_id', '=', chainId)
    .where('basket_code', '=', basketCode)
    .execute();
  if (freed.length === 0) return [];
  const named = new Map([...rows.values()].map((row) => [row.id, row]));
  const rejected: RejectedVoucher[] = [];
  const forgotten: number[] = [];
  for (const { voucher_id: voucherId } of freed) {
    const row = named.get(voucherId);
    if (!row) {
      forgotten.push(voucherId);
      continue;
    }
    rows.delete(row.voucher_key);
    rejected.push({
      ref: row.code ?? row.voucher_key,
      voucherKey: row.voucher_key,
      reason: 'voucher_freed_by_manager',
      message: rejectionMessage('voucher_freed_by_manager'),
      lockedUntil: null,
      heldBy: null,
    });
  }
  if (forgotten.length > 0 && basket.training !== true)
    await db
      .deleteFrom('freed_basket_vouchers')
      .where('chain_id', '=', chainId)
      .where('basket_code', '=', basketCode)
      .where('voucher_id', 'in', forgotten)
      .execute();
  return rejected;
}

/** The basket is stored: what was freed from it no longer matters. */
export async function forgetFreedFrom(
  db: Executor,
  chainId: number,
  basketCode: string,
): Promise<void> {
  await db
    .deleteFrom('freed_basket_vouchers')
    .where('chain_id', '=', chainId)
    .where('basket_code', '=', basketCode)
    .execute();
}
