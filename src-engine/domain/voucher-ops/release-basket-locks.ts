import type { Transaction } from 'kysely';
import type { LockHolder } from '../../../src-shared/vouchers';
import type { Database } from '../../db/schema';
import type { Actor } from '../actor';
import { audit } from '../audit';
import { NO_LOCK } from './guards';

export interface BasketLocks {
  readonly chainId: number;
  /** The sale whose locks go: those taken under its locking code, and those bound to its basket code without one. */
  readonly holder: LockHolder;
  /** Voucher ids whose lock the basket still needs: kept. */
  readonly keep: readonly number[];
  /** Why the locks go, for the audit trail. */
  readonly reason: string;
}

/**
 * Releases the locks bound to a sale (`heldAgainst`'s binding: a lock's locking code, else its
 * basket code) on vouchers it did not burn, except those it keeps; each release is audited. The one release rule for
 * pricing a basket again and for storing it.
 */
export async function releaseBasketLocks(
  trx: Transaction<Database>,
  actor: Actor,
  locks: BasketLocks,
  now: number,
): Promise<void> {
  const { basketCode, lockingCode } = locks.holder;
  if (basketCode === null && lockingCode === null) return;
  let release = trx
    .updateTable('vouchers')
    .set(NO_LOCK)
    .where('chain_id', '=', locks.chainId)
    .where((eb) =>
      eb.or([
        ...(basketCode === null
          ? []
          : [eb.and([eb('lock_code', 'is', null), eb('lock_basket_code', '=', basketCode)])]),
        ...(lockingCode === null ? [] : [eb('lock_code', '=', lockingCode)]),
      ]),
    )
    .where('burned_at', 'is', null);
  if (locks.keep.length > 0) release = release.where('id', 'not in', locks.keep);
  const released = await release.returning('id').execute();
  for (const { id } of released) {
    await audit(trx, actor, 'release', now, {
      voucherId: id,
      basketCode,
      reason: locks.reason,
    });
  }
}
