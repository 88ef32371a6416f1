import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../actor';
import { audit } from '../audit';

export interface BasketLocks {
  readonly chainId: number;
  readonly basketCode: string;
  /** Voucher ids whose lock the basket still needs: kept. */
  readonly keep: readonly number[];
  /** Why the locks go, for the audit trail. */
  readonly reason: string;
}

/**
 * Releases the locks bound to a basket code on vouchers it did not burn, except those it keeps;
 * each release is audited. The one release rule for pricing a basket again and for storing it.
 */
export async function releaseBasketLocks(
  trx: Transaction<Database>,
  actor: Actor,
  locks: BasketLocks,
  now: number,
): Promise<void> {
  let release = trx
    .updateTable('vouchers')
    .set({ lock_until: null, lock_basket_code: null, lock_code: null })
    .where('chain_id', '=', locks.chainId)
    .where('lock_basket_code', '=', locks.basketCode)
    .where('burned_at', 'is', null);
  if (locks.keep.length > 0) release = release.where('id', 'not in', locks.keep);
  const released = await release.returning('id').execute();
  for (const { id } of released) {
    await audit(trx, actor, 'release', now, {
      voucherId: id,
      basketCode: locks.basketCode,
      reason: locks.reason,
    });
  }
}
