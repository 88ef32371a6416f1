import { VOUCHER_ROW_JOINED_COLUMNS, type Executor, type VoucherRow } from './vouchers';

/** A voucher seen as a WLL benefit: the voucher row with what the benefit shows of its reward (campaign). */
export type BenefitRow = VoucherRow & {
  reward_uuid: string;
  reward_name: string;
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
      ...VOUCHER_ROW_JOINED_COLUMNS,
      'campaigns.uuid as reward_uuid',
      'campaigns.title as reward_name',
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
