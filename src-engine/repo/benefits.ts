import type { Selectable } from 'kysely';
import type { CampaignTable, VoucherTable } from '../db/schema';
import type { Executor } from './vouchers';

/** A voucher seen as a WLL benefit: the voucher, its reward (campaign) and its owner's number. */
export type BenefitRow = Selectable<VoucherTable> & {
  member_number: string | null;
  reward_uuid: string;
  reward_name: string;
  code_type: Selectable<CampaignTable>['code_type'];
  hide_code: number;
  expiry_seconds: number | null;
};

/** The code the member is given: the voucher's own, or the one it shares (static, pool). */
export function codeValueOf(row: Pick<BenefitRow, 'code' | 'shared_code'>): string | null {
  return row.code ?? row.shared_code;
}

/** Vouchers joined with what the benefit JSON shows of their reward and owner; deleted ones left out. */
export function selectBenefits(db: Executor, chainId: number) {
  return db
    .selectFrom('vouchers')
    .innerJoin('campaigns', 'campaigns.id', 'vouchers.campaign_id')
    .leftJoin('members', 'members.id', 'vouchers.member_id')
    .selectAll('vouchers')
    .select([
      'members.member_number',
      'campaigns.uuid as reward_uuid',
      'campaigns.title as reward_name',
      'campaigns.code_type',
      'campaigns.hide_code',
      'campaigns.expiry_seconds',
    ])
    .where('vouchers.chain_id', '=', chainId)
    .where('vouchers.deleted_at', 'is', null);
}

export async function benefitByVoucherId(
  db: Executor,
  chainId: number,
  voucherId: number,
): Promise<BenefitRow | undefined> {
  return selectBenefits(db, chainId).where('vouchers.id', '=', voucherId).executeTakeFirst();
}

export async function benefitByUuid(
  db: Executor,
  chainId: number,
  uuid: string,
): Promise<BenefitRow | undefined> {
  return selectBenefits(db, chainId)
    .where('vouchers.uuid', '=', uuid.toLowerCase())
    .executeTakeFirst();
}
