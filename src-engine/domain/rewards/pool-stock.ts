import type { Db } from '../../db/connect';
import { ok, type Err } from '../../../src-shared/result';
import type { Executor } from '../../repo/vouchers';
import { invalidFields, type Outcome, type Refusal } from '../refusal';
import { campaignById, type RewardCampaignRow } from './settings';

/* A POOL reward's stock: how many codes it holds and how many are still unused. */

export type DbWithDialect = Pick<Db, 'kysely' | 'dialect'>;

export interface PoolStock {
  readonly campaignId: number;
  readonly rewardId: string;
  readonly total: number;
  readonly unused: number;
  readonly threshold: number | null;
}

export function notAPool(campaign: RewardCampaignRow, field: string): Err<Refusal> {
  return invalidFields([
    {
      path: field,
      message: `only a POOL reward has pool codes; campaign ${campaign.id} is ${campaign.code_type ?? 'not a reward'}`,
    },
  ]);
}

export async function countCodes(
  db: Executor,
  campaignId: number,
): Promise<{ total: number; unused: number }> {
  const row = await db
    .selectFrom('reward_pool_codes')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.count<number | string>('id').filterWhere('voucher_id', 'is', null).as('unused'),
    ])
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), unused: Number(row.unused) };
}

export function stockOf(
  campaign: RewardCampaignRow,
  counts: { total: number; unused: number },
): PoolStock {
  return {
    campaignId: campaign.id,
    rewardId: campaign.uuid,
    ...counts,
    threshold: campaign.pool_threshold,
  };
}

export async function poolStock(
  db: Executor,
  chainId: number,
  campaignId: number,
): Promise<Outcome<PoolStock>> {
  const found = await campaignById(db, chainId, campaignId);
  if (!found.ok) return found;
  const campaign = found.value;
  if (campaign.code_type !== 'POOL') return notAPool(campaign, 'campaign_id');
  return ok(stockOf(campaign, await countCodes(db, campaign.id)));
}

/**
 * The campaign row, locked on PostgreSQL until the transaction ends (SQLite serialises writers).
 * NO KEY UPDATE, not UPDATE: the purchase's voucher insert already holds the KEY SHARE lock its
 * foreign key check takes on this row, and two purchases upgrading that to UPDATE deadlock.
 */
export async function lockedCampaign(
  db: Executor,
  dialect: Db['dialect'],
  chainId: number,
  campaignId: number,
): Promise<Outcome<RewardCampaignRow>> {
  if (dialect === 'postgres')
    await db
      .selectFrom('campaigns')
      .select('id')
      .where('id', '=', campaignId)
      .where('chain_id', '=', chainId)
      .forNoKeyUpdate()
      .execute();
  return campaignById(db, chainId, campaignId);
}

export interface NamedPoolStock extends PoolStock {
  readonly title: string;
  /** At or below its threshold: the pool needs a refill. */
  readonly low: boolean;
}

/** Every POOL reward of the chain with its stock, by campaign id: what a store may hand out. */
export async function chainPoolStocks(db: Executor, chainId: number): Promise<NamedPoolStock[]> {
  const campaigns = await db
    .selectFrom('campaigns')
    .selectAll()
    .where('chain_id', '=', chainId)
    .where('code_type', '=', 'POOL')
    .orderBy('id')
    .execute();
  const stocks: NamedPoolStock[] = [];
  for (const campaign of campaigns) {
    const stock = stockOf(campaign, await countCodes(db, campaign.id));
    const low = stock.threshold !== null && stock.unused <= stock.threshold;
    stocks.push({ ...stock, title: campaign.title, low });
  }
  return stocks;
}
