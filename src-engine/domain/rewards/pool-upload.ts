import { randomUUID } from 'node:crypto';
import { ok, type Err } from '../../../src-shared/result';
import { inTransaction } from '../../db/transaction';
import type { Executor } from '../../repo/vouchers';
import { refuse, type Outcome, type Refusal } from '../refusal';
import { codesInUse, describeUses } from './code-use';
import {
  countCodes,
  lockedCampaign,
  notAPool,
  stockOf,
  type DbWithDialect,
  type PoolStock,
} from './pool-stock';
import type { PoolUpload, RewardCampaignRow } from './settings';

/*
 * A POOL reward's codes, uploaded by an admin: with the campaign, or as a refill. An upload is
 * all or nothing. A pool code may not equal a code of another kind in the chain (code-use);
 * repeats within the pool are refused unless the upload allows them.
 */

export const MAX_CODES_PER_UPLOAD = 5000;
/** Rows per statement: keeps bound parameters far below SQLite's and PostgreSQL's limits. */
const CHUNK = 500;
/** How many repeated codes a refusal lists before summing up the rest. */
const LISTED_REPEATS = 20;

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

async function repeatsRefusal(
  db: Executor,
  campaign: RewardCampaignRow,
  codes: readonly string[],
): Promise<Err<Refusal> | null> {
  const repeated = [
    ...new Set([...repeatedWithin(codes), ...(await alreadyInPool(db, campaign.id, codes))]),
  ];
  return repeated.length > 0
    ? refuse(
        'invalid_parameters',
        `codes: ${repeated.length} repeated (within this upload or already in the pool): ${listed(repeated)}; send allow_duplicates=true to hand a code out more than once`,
      )
    : null;
}

async function otherKindsRefusal(
  db: Executor,
  campaign: RewardCampaignRow,
  codes: readonly string[],
): Promise<Err<Refusal> | null> {
  const clashes = await codesInUse(db, campaign.chain_id, codes, { exceptPoolOf: campaign.id });
  if (clashes.length === 0) return null;
  const values = new Set(clashes.map((clash) => clash.value));
  return refuse(
    'invalid_parameters',
    `codes: ${values.size} already in use in this chain as another code: ${describeUses(clashes, LISTED_REPEATS)}; a pool code must differ from every voucher code, static code and other reward's pool code`,
  );
}

/**
 * Adds the codes to the campaign's pool in the caller's transaction, refusing codes of other
 * kinds and repeats (within the upload or already in the pool) unless repeats are allowed.
 */
export async function insertPoolCodes(
  db: Executor,
  campaign: RewardCampaignRow,
  upload: PoolUpload,
  now: number,
): Promise<Outcome<void>> {
  if (campaign.code_type !== 'POOL') return notAPool(campaign, 'codes');
  const refused =
    (upload.allowDuplicates ? null : await repeatsRefusal(db, campaign, upload.codes)) ??
    (await otherKindsRefusal(db, campaign, upload.codes));
  if (refused) return refused;
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
  return ok(undefined);
}

/** A refill: all or nothing; lifting the stock above the threshold re-arms the low-stock event. */
export async function addPoolCodes(
  db: DbWithDialect,
  target: { chainId: number; campaignId: number },
  upload: PoolUpload,
  now: number,
): Promise<Outcome<PoolStock & { readonly added: number }>> {
  return inTransaction(db.kysely, async (trx) => {
    // the lock orders refills against each other and against purchases' stock checks
    const locked = await lockedCampaign(trx, db.dialect, target.chainId, target.campaignId);
    if (!locked.ok) return locked;
    const campaign = locked.value;
    const inserted = await insertPoolCodes(trx, campaign, upload, now);
    if (!inserted.ok) return inserted;
    const counts = await countCodes(trx, campaign.id);
    if (campaign.pool_threshold !== null && counts.unused > campaign.pool_threshold)
      await trx
        .updateTable('campaigns')
        .set({ pool_low_notified: 0 })
        .where('id', '=', campaign.id)
        .execute();
    return ok({ ...stockOf(campaign, counts), added: upload.codes.length });
  });
}
