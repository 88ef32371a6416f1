import type { Kysely } from 'kysely';
import type { Database } from '../../src-engine/db/schema';
import { expectOk } from '../../src-engine/domain/refusal';
import { createVoucher } from '../../src-engine/domain/admin';

/** Issues a claimed anonymous fixed-amount voucher in the demo's €5.00 campaign; returns its key. */
export async function issueDemoVoucher(
  db: Kysely<Database>,
  code: string,
  amount?: number,
): Promise<string> {
  const campaign = await db
    .selectFrom('vouchers')
    .select('campaign_id')
    .where('code', '=', 'DEMO-5EUR')
    .executeTakeFirstOrThrow();
  const actor = { chainId: 1, role: 'privileged' as const, name: 'test', accountId: null };
  const input = {
    chainId: 1,
    campaignId: campaign.campaign_id,
    memberNumber: null,
    code,
    claimed: true,
  };
  const created = expectOk(
    await createVoucher(db, actor, amount === undefined ? input : { ...input, amount }, Date.now()),
  );
  return created.key;
}
