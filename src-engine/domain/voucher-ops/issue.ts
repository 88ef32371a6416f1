import type { Kysely } from 'kysely';
import type { Database, VoucherTable } from '../../db/schema';
import { EngineError, invalidParameters } from '../../http/errors';
import { voucherById, type VoucherRow } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { createVoucher } from '../admin';
import { positiveAmount } from './amounts';
import { findMember, type OwnerRef } from './members';

export interface NewVoucherRequest {
  readonly campaignId: number;
  readonly owner: OwnerRef;
  /** Major units as sent; overrides the campaign's amount of a basket voucher. */
  readonly amount?: number | string | undefined;
  readonly claimed: boolean;
  /** YYYY-MM-DD: the voucher is valid through that day (UTC). */
  readonly expiryDate?: string | undefined;
  readonly code?: string | undefined;
}

/** create-voucher: a voucher of a campaign for a member. */
export async function issueVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: NewVoucherRequest,
  now: number,
): Promise<VoucherRow> {
  const campaign = await db
    .selectFrom('campaigns')
    .innerJoin('chains', 'chains.id', 'campaigns.chain_id')
    .select(['campaigns.voucher_type', 'chains.currency'])
    .where('campaigns.id', '=', request.campaignId)
    .where('campaigns.chain_id', '=', actor.chainId)
    .executeTakeFirst();
  if (!campaign)
    throw new EngineError('campaign_not_found', `no campaign ${request.campaignId} in this chain`);
  const member = await findMember(db, actor.chainId, request.owner);
  const created = await createVoucher(
    db,
    actor,
    {
      chainId: actor.chainId,
      campaignId: request.campaignId,
      memberNumber: member.member_number,
      code: request.code ?? null,
      claimed: request.claimed,
      amount:
        request.amount === undefined
          ? undefined
          : voucherAmount(campaign.voucher_type, campaign.currency, request.amount),
      expiresAt: request.expiryDate === undefined ? undefined : endOfDay(request.expiryDate, now),
    },
    now,
  );
  return voucherById(db, created.id);
}

function voucherAmount(
  type: VoucherTable['voucher_type'],
  currency: string,
  amount: number | string,
): number {
  if (type !== 'basket') {
    const message = `a ${type} campaign's vouchers carry no amount`;
    throw invalidParameters([{ path: 'voucher_amount', message }]);
  }
  return positiveAmount('voucher_amount', amount, currency);
}

/** The first instant after the given UTC day; refused when that is already past. */
function endOfDay(date: string, now: number): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const end = Date.UTC(year, month - 1, day + 1);
  if (end <= now)
    throw invalidParameters([{ path: 'expiry_date', message: `${date} is already past` }]);
  return end;
}
