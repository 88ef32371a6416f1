import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { touchHonourRev } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { audit } from '../audit';
import { unlockedAt } from './guards';

/**
 * create-voucher's `delete_existing`: the member's unused, present vouchers of the campaign are
 * deleted (each audited, and dropped from the honour feed), in the caller's transaction, so
 * they are gone exactly when the new voucher exists. A voucher a lock holds is left alone: an
 * open sale counts on its discount. Answers how many were deleted.
 */
export async function deleteUnusedVouchersOf(
  trx: Transaction<Database>,
  actor: Actor,
  target: { readonly memberId: number; readonly campaignId: number },
  now: number,
): Promise<number> {
  const deleted = await trx
    .updateTable('vouchers')
    .set({ deleted_at: now })
    .where('chain_id', '=', actor.chainId)
    .where('member_id', '=', target.memberId)
    .where('campaign_id', '=', target.campaignId)
    .where('burned_at', 'is', null)
    .where('deleted_at', 'is', null)
    .where(unlockedAt(now))
    .returning(['id', 'chain_id', 'voucher_type'])
    .execute();
  for (const row of deleted) {
    await touchHonourRev(trx, row);
    await audit(trx, actor, 'delete', now, {
      voucherId: row.id,
      reason: 'replaced by create-voucher (delete_existing)',
    });
  }
  return deleted.length;
}
