import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connect';
import { EngineError } from '../../http/errors';
import type { Executor } from '../../repo/vouchers';
import { recordEvent } from '../events/record';
import { campaignById, type PoolUpload, type RewardCampaignRow } from './settings';

/*
 * A POOL reward's codes: uploaded by an admin, each handed out to one benefit (lowest id
 * first). The low-stock latch `pool_low_notified` makes CODE_POOL_LOW fire once per crossing
 * of the threshold; a refill that lifts the stock above the threshold re-arms it.
 */

export const MAX_CODES_PER_UPLOAD = 5000;
/** Rows per statement: keeps bound parameters far below SQLite's and PostgreSQL's limits. */
const CHUNK = 500;
/** How many repeated codes a refusal lists before summing up the rest. */
const LISTED_REPEATS = 20;

export interface PoolStock {
  readonly campaignId: number;
  readonly rewardId: string;
  readonly total: number;
  readonly unused: number;
  readonly threshold: number | null;
}

export type DbWithDialect = Pick<Db, 'kysely' | 'dialect'>;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK)
    result.push(items.slice(start, start + CHUNK));
  return result;
}

/** Each value that occurs more than once in the upload, once. */
export function repeatedWithin(codes: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) repeated.add(code);
    seen.add(code);
  }
  return [...repeated];
}

async function alreadyInPool(
  db: Executor,
  campaignId: number,
  codes: readonly string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const chunk of chunks([...new Set(codes)])) {
    const rows = await db
      .selectFrom('reward_pool_codes')
      .select('value')
      .distinct()
      .where('campaign_id', '=', campaignId)
      .where('value', 'in', chunk)
      .execute();
    found.push(...rows.map((row) => row.value));
  }
  return found;
}

function listed(codes: readonly string[]): string {
  const shown = codes.slice(0, LISTED_REPEATS).join(', ');
  return codes.length > LISTED_REPEATS
    ? `${shown} and ${codes.length - LISTED_REPEATS} more`
    : shown;
}

function notAPool(campaign: RewardCampaignRow, field: string): EngineError {
  return new EngineError(
    'invalid_parameters',
    `${field}: only a POOL reward has pool codes; campaign ${campaign.id} is ${campaign.code_type ?? 'not a reward'}`,
  );
}

/**
 * Adds the codes to the campaign's pool in the caller's transaction, refusing repeats (within
 * the upload or already in the pool) unless they are allowed.
 */
export async function insertPoolCodes(
  db: Executor,
  campaign: RewardCampaignRow,
  upload: PoolUpload,
  now: number,
): Promise<void> {
  if (campaign.code_type !== 'POOL') throw notAPool(campaign, 'codes');
  if (!upload.allowDuplicates) {
    const repeated = [
      ...new Set([
        ...repeatedWithin(upload.codes),
        ...(await alreadyInPool(db, campaign.id, upload.codes)),
      ]),
    ];
    if (repeated.length > 0)
      throw new EngineError(
        'invalid_parameters',
        `codes: ${repeated.length} repeated (within this upload or already in the pool): ${listed(repeated)}; send allow_duplicates=true to hand a code out more than once`,
      );
  }
  for (const chunk of chunks(upload.codes)) {
    await db
      .insertInto('reward_pool_codes')
      .values(
        chunk.map((value) => ({
          chain_id: campaign.chain_id,
          campaign_id: campaign.id,
          uuid: randomUUID(),
          value,
          uploaded_at: now,
          voucher_id: null,
          taken_at: null,
        })),
      )
      .execute();
  }
}

async function countCodes(
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

function stockOf(
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

/**
 * The campaign row, locked on PostgreSQL until the transaction ends (SQLite serialises writers).
 * NO KEY UPDATE, not UPDATE: the purchase's voucher insert already holds the KEY SHARE lock its
 * foreign key check takes on this row, and two purchases upgrading that to UPDATE deadlock.
 */
async function lockedCampaign(
  db: Executor,
  dialect: Db['dialect'],
  chainId: number,
  campaignId: number,
): Promise<RewardCampaignRow> {
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

/** A refill: all or nothing; lifting the stock above the threshold re-arms the low-stock event. */
export async function addPoolCodes(
  db: DbWithDialect,
  target: { chainId: number; campaignId: number },
  upload: PoolUpload,
  now: number,
): Promise<PoolStock & { readonly added: number }> {
  return db.kysely.transaction().execute(async (trx) => {
    // the lock orders refills against each other and against purchases' stock checks
    const campaign = await lockedCampaign(trx, db.dialect, target.chainId, target.campaignId);
    await insertPoolCodes(trx, campaign, upload, now);
    const counts = await countCodes(trx, campaign.id);
    if (campaign.pool_threshold !== null && counts.unused > campaign.pool_threshold)
      await trx
        .updateTable('campaigns')
        .set({ pool_low_notified: 0 })
        .where('id', '=', campaign.id)
        .execute();
    return { ...stockOf(campaign, counts), added: upload.codes.length };
  });
}

export async function poolStock(
  db: Executor,
  chainId: number,
  campaignId: number,
): Promise<PoolStock> {
  const campaign = await campaignById(db, chainId, campaignId);
  if (campaign.code_type !== 'POOL') throw notAPool(campaign, 'campaign_id');
  return stockOf(campaign, await countCodes(db, campaign.id));
}

export interface TakenCode {
  readonly id: number;
  readonly uuid: string;
  readonly value: string;
}

/**
 * The next unused code (lowest id). On PostgreSQL rows other purchases hold are skipped rather
 * than waited for; SQLite serialises writers. No unused code: code_pool_exhausted.
 */
export async function takeNextCode(
  db: Executor,
  dialect: Db['dialect'],
  campaign: RewardCampaignRow,
): Promise<TakenCode> {
  const code = await db
    .selectFrom('reward_pool_codes')
    .select(['id', 'uuid', 'value'])
    .where('campaign_id', '=', campaign.id)
    .where('voucher_id', 'is', null)
    .orderBy('id')
    .limit(1)
    .$if(dialect === 'postgres', (query) => query.forUpdate().skipLocked())
    .executeTakeFirst();
  if (!code)
    throw new EngineError(
      'code_pool_exhausted',
      `reward ${campaign.uuid} ("${campaign.title}") has no unused pool codes left`,
    );
  return code;
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
  const current = await lockedCampaign(db, dialect, campaign.chain_id, campaign.id);
  if (current.pool_threshold === null || current.pool_low_notified !== 0) return;
  const { unused } = await countCodes(db, campaign.id);
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
