import { randomBytes, randomUUID } from 'node:crypto';
import type { Insertable, Selectable } from 'kysely';
import type { CampaignTable, VoucherTable } from '../db/schema';
import { nextHonourRev, voucherById, type Executor, type VoucherRow } from '../repo/vouchers';
import type { Actor } from './actor';
import type { CampaignIncentive } from './admin';
import { audit } from './audit';
import { generateVoucherCode } from './voucher-code';

/** A new voucher_key: 64 hex characters of randomness. */
export function newVoucherKey(): string {
  return randomBytes(32).toString('hex');
}

export type NewVoucher = Omit<
  Insertable<VoucherTable>,
  'voucher_key' | 'rev' | 'uuid' | 'code_uuid'
> & {
  voucher_key?: string;
  /** The benefit's public id; a fresh one when absent. */
  uuid?: string;
  /** The code's public id (a pool code brings its own); a fresh one when absent. */
  code_uuid?: string;
};

/**
 * Inserts a voucher (an honour voucher enters the change feed) and returns its id and key.
 * Every voucher is also a benefit on the WLL face, so it gets public ids for itself and its code.
 */
export async function insertVoucher(
  db: Executor,
  voucher: NewVoucher,
): Promise<{ id: number; key: string }> {
  const key = voucher.voucher_key ?? newVoucherKey();
  const rev = voucher.voucher_type === 'honour' ? await nextHonourRev(db, voucher.chain_id) : null;
  const row = await db
    .insertInto('vouchers')
    .values({
      ...voucher,
      voucher_key: key,
      rev,
      uuid: voucher.uuid ?? randomUUID(),
      code_uuid: voucher.code_uuid ?? randomUUID(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key };
}

/**
 * A new, unclaimed, codeless voucher of a campaign: its value, title, exclusivity, lock period
 * and expiry come from the campaign (a basket voucher's amount may be given instead).
 */
export function voucherOfCampaign(
  campaign: Selectable<CampaignTable>,
  issue: { currency: string; memberId: number | null; now: number; amount?: number | undefined },
): NewVoucher {
  const amount = campaign.voucher_type === 'basket' ? (issue.amount ?? campaign.amount) : null;
  return {
    chain_id: campaign.chain_id,
    code: null,
    campaign_id: campaign.id,
    member_id: issue.memberId,
    voucher_type: campaign.voucher_type,
    currency: issue.currency,
    amount_original: amount,
    amount,
    amount_redeemed: campaign.voucher_type === 'basket' ? 0 : null,
    ratio_ppm: campaign.ratio_ppm,
    honour_code: campaign.honour_code,
    title: campaign.title,
    exclusive: campaign.exclusive,
    lock_period_seconds: campaign.lock_period_seconds,
    created_at: issue.now,
    claimed_at: null,
    expires_at:
      campaign.expiry_seconds === null ? null : issue.now + campaign.expiry_seconds * 1000,
  };
}

/** The value columns of a voucher giving `incentive`, whatever its campaign gives. */
export function incentiveColumns(incentive: CampaignIncentive) {
  return {
    voucher_type: incentive.type,
    amount_original: incentive.type === 'basket' ? incentive.amount : null,
    amount: incentive.type === 'basket' ? incentive.amount : null,
    amount_redeemed: incentive.type === 'basket' ? 0 : null,
    ratio_ppm: incentive.type === 'basket_pct' ? incentive.ratioPpm : null,
    honour_code: incentive.type === 'honour' ? incentive.honourCode : null,
  };
}

/** A stored basket a child voucher is issued for: its code and its member, if any. */
export interface StoredBasketRef {
  readonly id: number;
  readonly code: string;
  readonly memberId: number | null;
}

const DAY_MS = 86_400_000;

/**
 * A child's expiry: its parent's, but never sooner than `minDays` days after the child's
 * creation, so that it is not born expired; a parent that never expires gives a child that never does.
 */
export function childExpiry(parentExpiresAt: number | null, now: number, minDays: number) {
  return parentExpiresAt === null ? null : Math.max(parentExpiresAt, now + minDays * DAY_MS);
}

/**
 * Issues a claimed fixed-amount voucher descended from `parent` (what is left after a partial
 * redemption, or the share a return gives back), in the parent's campaign. It always has a
 * generated code; its owner is the parent's, else the member of the basket that issues it,
 * else nobody (whoever holds the code may use it). Its expiry is `childExpiry`.
 */
export async function issueChildVoucher(
  db: Executor,
  actor: Actor,
  parent: VoucherRow,
  issue: {
    amount: number;
    title: string;
    reason: 'remainder' | 'return';
    basketCode?: string | null;
    /** The member of the basket issuing it, when it has one. */
    basketMemberId?: number | null;
  },
  now: number,
): Promise<VoucherRow> {
  const chain = await db
    .selectFrom('chains')
    .select('child_voucher_min_days')
    .where('id', '=', parent.chain_id)
    .executeTakeFirstOrThrow();
  const code = await generateVoucherCode(db, parent.chain_id);
  // 31^8 codes: running out is not a state a request can be refused for
  if (!code.ok) throw new Error(`no free code for a child voucher: ${code.error.message}`);
  const issued = await insertVoucher(db, {
    chain_id: parent.chain_id,
    code: code.value,
    campaign_id: parent.campaign_id,
    member_id: parent.member_id ?? issue.basketMemberId ?? null,
    voucher_type: 'basket',
    currency: parent.currency,
    amount_original: issue.amount,
    amount: issue.amount,
    amount_redeemed: 0,
    ratio_ppm: null,
    honour_code: null,
    title: issue.title,
    exclusive: parent.exclusive,
    lock_period_seconds: parent.lock_period_seconds,
    created_at: now,
    claimed_at: now,
    expires_at: childExpiry(parent.expires_at, now, chain.child_voucher_min_days),
    parent_voucher_id: parent.id,
  });
  await audit(db, actor, 'create', now, {
    voucherId: issued.id,
    basketCode: issue.basketCode ?? null,
    reason: issue.reason,
  });
  return voucherById(db, issued.id);
}
