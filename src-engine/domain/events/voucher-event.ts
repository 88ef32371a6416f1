import { codeValueOf } from '../../repo/benefits';
import type { Executor } from '../../repo/vouchers';
import type { AuditAction, VoucherAuditAction } from '../audit-action';
import { recordEvent } from './record';
import type { EventType } from './types';

/** The event each voucher transition reports (WLL's redeem is our claim; its burn, our redeem). */
const EVENT_OF_ACTION: Readonly<Record<VoucherAuditAction, EventType>> = {
  purchase: 'PURCHASED_REWARD',
  claim: 'REDEEMED_VOUCHER',
  validate: 'VOUCHER_VALIDATED',
  burn: 'BURNED_VOUCHER',
  redeem: 'BURNED_VOUCHER',
  lock: 'VOUCHER_LOCKED',
  unlock: 'VOUCHER_UNLOCKED',
  release: 'VOUCHER_UNLOCKED',
  create: 'VOUCHER_GIVEN',
  unclaim: 'VOUCHER_UNCLAIMED',
  expire: 'VOUCHER_EXPIRED',
  delete: 'VOUCHER_DELETED',
  claim_basket: 'BASKET_CLAIMED',
};

function isVoucherAction(action: AuditAction): action is VoucherAuditAction {
  return Object.hasOwn(EVENT_OF_ACTION, action);
}

/** The event a voucher action raises; null for an action about access, which raises none. */
export function eventOfAction(action: AuditAction): EventType | null {
  return isVoucherAction(action) ? EVENT_OF_ACTION[action] : null;
}

/**
 * Records the event of a voucher transition, as the voucher is after the change (one select;
 * get-basket-price locks come through here on the hot path). Public ids only — no names (events
 * outlive members, docs/wll-face.md, "Events") and no voucher keys (events go to third-party receivers).
 */
export async function recordVoucherEvent(
  db: Executor,
  action: AuditAction,
  at: number,
  detail: { voucherId: number; basketCode: string | null; reason: string | null },
): Promise<void> {
  const voucher = await db
    .selectFrom('vouchers')
    .innerJoin('campaigns', 'campaigns.id', 'vouchers.campaign_id')
    .leftJoin('members', 'members.id', 'vouchers.member_id')
    .select([
      'vouchers.chain_id',
      'vouchers.uuid',
      'vouchers.code',
      'vouchers.shared_code',
      'vouchers.lock_until',
      'campaigns.uuid as reward_uuid',
      'members.member_number',
    ])
    .where('vouchers.id', '=', detail.voucherId)
    .executeTakeFirst();
  const type = eventOfAction(action);
  if (!voucher || type === null) return;
  // never the voucher key: it is a spend credential (an anonymous voucher's key alone redeems it)
  const payload: Record<string, unknown> = {
    benefitId: voucher.uuid,
    rewardId: voucher.reward_uuid,
  };
  if (type === 'REDEEMED_VOUCHER') payload.code = codeValueOf(voucher);
  if (type === 'VOUCHER_LOCKED' && voucher.lock_until !== null) {
    payload.lockedUntil = new Date(voucher.lock_until).toISOString();
  }
  if (detail.basketCode !== null) payload.basketCode = detail.basketCode;
  if (detail.reason !== null) payload.reason = detail.reason;
  await recordEvent(db, {
    chainId: voucher.chain_id,
    type,
    subject: voucher.member_number ?? voucher.uuid,
    payload,
    voucherId: detail.voucherId,
    at,
  });
}
