import type { Kysely, Transaction } from 'kysely';
import { ok } from '../../../src-shared/result';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { voucherById, type VoucherRow } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { createVoucherIn, type VoucherTexts } from '../admin';
import { invalidFields, refuse, type Outcome } from '../refusal';
import { generateVoucherCode } from '../voucher-code';
import { rereadVoucher } from './change';
import { compareAndSet } from './compare-and-set';
import { deleteUnusedVouchersOf } from './delete-existing';
import { resolveIncentive, type AskedIncentive } from './incentive';
import { lockDecision, storedBasketRefusal } from './lock';
import { findMember, type MemberRow, type OwnerRef } from './members';
import { voucherName } from './refusals';
import { thirdPartyIdRefusal } from './third-party';

/** The campaign types Spaaza issues vouchers of through create-voucher. */
export const ISSUING_CAMPAIGN_TYPES: readonly string[] = ['loyalty', 'wallet'];

/** The lock a voucher is created under, as lock-voucher would set it. */
export interface LockOnCreation {
  readonly basketCode: string | null;
  readonly lockingCode: string | null;
  readonly periodSeconds?: number | undefined;
}

export interface NewVoucherRequest {
  readonly campaignId: number;
  /** Nobody named: an unowned voucher, usable by whoever holds its code. */
  readonly owner: OwnerRef | null;
  readonly incentive: AskedIncentive;
  readonly texts: VoucherTexts;
  readonly claimed: boolean;
  /** YYYY-MM-DD: the voucher is valid through that day (UTC). */
  readonly expiryDate?: string | undefined;
  readonly code?: string | undefined;
  /** Its id in a third-party system: only on chains that use those (uses_third_party_voucher_id). */
  readonly thirdPartyId?: string | undefined;
  /** Delete the member's unused vouchers of the campaign first. */
  readonly deleteExisting: boolean;
  readonly lock: LockOnCreation | null;
}

/**
 * create-voucher (docs/spaaza-wire.md, "create-voucher"): a voucher of a loyalty or wallet
 * campaign, for a member or for nobody, perhaps replacing the member's others of the campaign
 * and perhaps locked; all of it in one transaction.
 */
export async function issueVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: NewVoucherRequest,
  now: number,
): Promise<Outcome<VoucherRow>> {
  const campaign = await db
    .selectFrom('campaigns')
    .innerJoin('chains', 'chains.id', 'campaigns.chain_id')
    .select([
      'campaigns.voucher_type',
      'campaigns.amount',
      'campaigns.ratio_ppm',
      'campaigns.honour_code',
      'campaigns.campaign_type',
      'chains.currency',
    ])
    .where('campaigns.id', '=', request.campaignId)
    .where('campaigns.chain_id', '=', actor.chainId)
    .executeTakeFirst();
  if (!campaign)
    return refuse('campaign_not_found', `no campaign ${request.campaignId} in this chain`);
  if (request.thirdPartyId !== undefined) {
    const refused = await thirdPartyIdRefusal(db, actor.chainId);
    if (refused) return refused;
  }
  if (!ISSUING_CAMPAIGN_TYPES.includes(campaign.campaign_type))
    return refuse(
      'campaign_type_not_allowed',
      `campaign ${request.campaignId} is a ${campaign.campaign_type} campaign; create-voucher issues vouchers of ${ISSUING_CAMPAIGN_TYPES.join(' and ')} campaigns only`,
    );
  const member =
    request.owner === null ? ok(null) : await findMember(db, actor.chainId, request.owner);
  if (!member.ok) return member;
  if (request.deleteExisting && member.value === null)
    return invalidFields([
      { path: 'delete_existing', message: 'deletes a member’s vouchers: name the member' },
    ]);
  const incentive = resolveIncentive(campaign, campaign.currency, request.incentive);
  if (!incentive.ok) return incentive;
  const expiresAt =
    request.expiryDate === undefined ? ok(undefined) : endOfDay(request.expiryDate, now);
  if (!expiresAt.ok) return expiresAt;
  if (request.lock !== null) {
    const stored = await storedBasketRefusal(db, actor.chainId, request.lock);
    if (stored) return stored;
  }
  const owner = member.value;
  return inTransaction(db, async (trx) => {
    if (request.deleteExisting && owner !== null)
      await deleteUnusedVouchersOf(
        trx,
        actor,
        { memberId: owner.id, campaignId: request.campaignId },
        now,
      );
    const code = await codeFor(trx, actor.chainId, request.code, owner);
    if (!code.ok) return code;
    const created = await createVoucherIn(
      trx,
      actor,
      {
        chainId: actor.chainId,
        campaignId: request.campaignId,
        memberNumber: owner?.member_number ?? null,
        code: code.value,
        // nobody could claim an unowned voucher later: it is issued usable
        claimed: request.claimed || owner === null,
        incentive: incentive.value,
        texts: request.texts,
        expiresAt: expiresAt.value,
        thirdPartyId: request.thirdPartyId,
      },
      now,
    );
    if (!created.ok) return created;
    const row = await voucherById(trx, created.value.id);
    return request.lock === null ? ok(row) : lockNew(trx, actor, row, request.lock, now);
  });
}

/** The code sent; else, for an unowned voucher, a generated one (its holder needs one to use it). */
async function codeFor(
  trx: Transaction<Database>,
  chainId: number,
  code: string | undefined,
  owner: MemberRow | null,
): Promise<Outcome<string | null>> {
  if (code !== undefined) return ok(code);
  return owner === null ? generateVoucherCode(trx, chainId) : ok(null);
}

async function lockNew(
  trx: Transaction<Database>,
  actor: Actor,
  row: VoucherRow,
  lock: LockOnCreation,
  now: number,
): Promise<Outcome<VoucherRow>> {
  const locked = await compareAndSet(trx, actor, now, {
    row,
    reread: rereadVoucher(trx),
    name: voucherName,
    decide: lockDecision(lock, now, actor.storeCode ?? null),
  });
  return locked.ok ? ok(locked.value.row) : locked;
}

/** The first instant after the given UTC day; refused when that is already past. */
function endOfDay(date: string, now: number): Outcome<number> {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const end = Date.UTC(year, month - 1, day + 1);
  if (end <= now)
    return invalidFields([{ path: 'expiry_date', message: `${date} is already past` }]);
  return ok(end);
}
