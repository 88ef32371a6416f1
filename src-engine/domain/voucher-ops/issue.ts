import type { Kysely } from 'kysely';
import { ok } from '../../../src-shared/result';
import type { Database, VoucherTable } from '../../db/schema';
import { voucherById, type VoucherRow } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { createVoucher } from '../admin';
import { invalidFields, refuse, type Outcome } from '../refusal';
import { positiveAmount } from './amounts';
import { findMember, type OwnerRef } from './members';
import { thirdPartyIdRefusal } from './third-party';

export interface NewVoucherRequest {
  readonly campaignId: number;
  readonly owner: OwnerRef;
  /** Major units as sent; overrides the campaign's amount of a basket voucher. */
  readonly amount?: number | string | undefined;
  readonly claimed: boolean;
  /** YYYY-MM-DD: the voucher is valid through that day (UTC). */
  readonly expiryDate?: string | undefined;
  readonly code?: string | undefined;
  /** Its id in a third-party system: only on chains that use those (uses_third_party_voucher_id). */
  readonly thirdPartyId?: string | undefined;
}

/** create-voucher: a voucher of a campaign for a member. */
export async function issueVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: NewVoucherRequest,
  now: number,
): Promise<Outcome<VoucherRow>> {
  const campaign = await db
    .selectFrom('campaigns')
    .innerJoin('chains', 'chains.id', 'campaigns.chain_id')
    .select(['campaigns.voucher_type', 'chains.currency'])
    .where('campaigns.id', '=', request.campaignId)
    .where('campaigns.chain_id', '=', actor.chainId)
    .executeTakeFirst();
  if (!campaign)
    return refuse('campaign_not_found', `no campaign ${request.campaignId} in this chain`);
  if (request.thirdPartyId !== undefined) {
    const refused = await thirdPartyIdRefusal(db, actor.chainId);
    if (refused) return refused;
  }
  const member = await findMember(db, actor.chainId, request.owner);
  if (!member.ok) return member;
  const amount =
    request.amount === undefined
      ? ok(undefined)
      : voucherAmount(campaign.voucher_type, campaign.currency, request.amount);
  if (!amount.ok) return amount;
  const expiresAt =
    request.expiryDate === undefined ? ok(undefined) : endOfDay(request.expiryDate, now);
  if (!expiresAt.ok) return expiresAt;
  const created = await createVoucher(
    db,
    actor,
    {
      chainId: actor.chainId,
      campaignId: request.campaignId,
      memberNumber: member.value.member_number,
      code: request.code ?? null,
      claimed: request.claimed,
      amount: amount.value,
      expiresAt: expiresAt.value,
      thirdPartyId: request.thirdPartyId,
    },
    now,
  );
  return created.ok ? ok(await voucherById(db, created.value.id)) : created;
}

function voucherAmount(
  type: VoucherTable['voucher_type'],
  currency: string,
  amount: number | string,
): Outcome<number> {
  if (type !== 'basket') {
    const message = `a ${type} campaign's vouchers carry no amount`;
    return invalidFields([{ path: 'voucher_amount', message }]);
  }
  return positiveAmount('voucher_amount', amount, currency);
}

/** The first instant after the given UTC day; refused when that is already past. */
function endOfDay(date: string, now: number): Outcome<number> {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const end = Date.UTC(year, month - 1, day + 1);
  if (end <= now)
    return invalidFields([{ path: 'expiry_date', message: `${date} is already past` }]);
  return ok(end);
}
