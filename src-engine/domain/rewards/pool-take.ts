import type { Db } from '../../db/connect';
import { ok } from '../../../src-shared/result';
import type { Executor } from '../../repo/vouchers';
import { recordEvent } from '../events/record';
import { refuse, type Outcome } from '../refusal';
import { lockedCampaign } from './pool-stock';
import type { RewardCampaignRow } from './settings';

/*
 * A purchase of a POOL reward takes the next unused code (lowest id first), in the purchase's
 * transaction. The low-stock latch `pool_low_notified` makes CODE_POOL_LOW fire once per
 * crossing of the threshold; a refill that lifts the stock above it re-arms it (pool-upload).
 */

export interface TakenCode {
  readonly id: number;
  readonly uuid: string;
  readonly value: string;
}

/**
 * The next unused code (lowest id). On PostgreSQL rows other purchases hold are skipped rather
 * than waited for; SQLite serialises writers. No unused code: code_pool_exhausted.
 *
 * On PostgreSQL, SKIP LOCKED may refuse "exhausted" while the only unused rows are held by
 * purchases that later roll back: rare, and at that instant the pool did look empty, as no
 * other purchase could have been promised those codes. A retry then succeeds.
 */
export async function takeNextCode(
  db: Executor,
  dialect: Db['dialect'],
  campaign: RewardCampaignRow,
): Promise<Outcome<TakenCode>> {
  const code = await db
    .selectFrom('reward_pool_codes')
    .select(['id', 'uuid', 'value'])
    .where('campaign_id', '=', campaign.id)
    .where('voucher_id', 'is', null)
    .orderBy('id')
    .limit(1)
    .$if(dialect === 'postgres', (query) => query.forUpdate().skipLocked())
    .executeTakeFirst();
  return code
    ? ok(code)
    : refuse(
        'code_pool_exhausted',
        `reward ${campaign.uuid} ("${campaign.title}") has no unused pool codes left`,
      );
}

export async function markTaken(
  db: Executor,
  codeId: number,
  voucherId: number,
  now: number,
): Promise<void> {
  await db
    .updateTable('reward_pool_codes')
    .set({ voucher_id: voucherId, taken_at: now })
    .where('id', '=', codeId)
    .execute();
}

/**
 * After a code was taken: at or below the threshold, the first purchase to see it reports
 * CODE_POOL_LOW. The campaign row lock makes each purchase count the takes committed before
 * it, so the crossing is seen by exactly one purchase; the conditional update is the latch.
 */
export async function reportLowStock(
  db: Executor,
  dialect: Db['dialect'],
  campaign: RewardCampaignRow,
  now: number,
): Promise<void> {
  if (campaign.pool_threshold === null) return;
  const locked = await lockedCampaign(db, dialect, campaign.chain_id, campaign.id);
  // the campaign was read in this transaction, and campaigns are never removed
  if (!locked.ok) throw new Error(`campaign ${campaign.id} vanished inside its own purchase`);
  const current = locked.value;
  if (current.pool_threshold === null || current.pool_low_notified !== 0) return;
  const unused = await unusedUpTo(db, campaign.id, current.pool_threshold + 1);
  if (unused > current.pool_threshold) return;
  const latched = await db
    .updateTable('campaigns')
    .set({ pool_low_notified: 1 })
    .where('id', '=', campaign.id)
    .where('pool_low_notified', '=', 0)
    .executeTakeFirst();
  if (latched.numUpdatedRows === 0n) return;
  await recordEvent(db, {
    chainId: campaign.chain_id,
    type: 'CODE_POOL_LOW',
    subject: campaign.uuid,
    payload: { rewardId: campaign.uuid, unused, threshold: current.pool_threshold },
    at: now,
  });
}

/** The unused codes left, counted no further than `limit`: a purchase needs no full count. */
async function unusedUpTo(db: Executor, campaignId: number, limit: number): Promise<number> {
  const rows = await db
    .selectFrom('reward_pool_codes')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .where('voucher_id', 'is', null)
    .limit(limit)
    .execute();
  return rows.length;
}
