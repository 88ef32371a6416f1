import { randomBytes, randomUUID } from 'node:crypto';
import type { Insertable, Selectable } from 'kysely';
import type { CampaignTable, VoucherTable } from '../db/schema';
import { nextHonourRev, voucherById, type Executor, type VoucherRow } from '../repo/vouchers';
import type { Actor } from './actor';
import { audit } from './audit';

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

/** A voucher issued from another, with its parent's key for the wire's `parent_voucher`. */
export interface CreatedVoucher {
  readonly row: VoucherRow;
  readonly parentKey: string;
}

/**
 * Issues a claimed fixed-amount voucher descended from `parent` (what is left after a
 * partial redemption, or the share a return gives back): same owner, campaign and expiry.
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
  },
  now: number,
): Promise<VoucherRow> {
  const issued = await insertVoucher(db, {
    chain_id: parent.chain_id,
    code: null,
    campaign_id: parent.campaign_id,
    member_id: parent.member_id,
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
    expires_at: parent.expires_at,
    parent_voucher_id: parent.id,
  });
  await audit(db, actor, 'create', now, {
    voucherId: issued.id,
    basketCode: issue.basketCode ?? null,
    reason: issue.reason,
  });
  return voucherById(db, issued.id);
}
