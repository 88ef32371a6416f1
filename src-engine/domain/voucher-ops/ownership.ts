import type { Kysely, Transaction } from 'kysely';
import { ok } from '../../../src-shared/result';
import { isExpired, lockHolds, type Voucher } from '../../../src-shared/vouchers';
import { toSpaazaDateTime } from '../../../src-shared/wire/datetime';
import type { Database } from '../../db/schema';
import { toDomainVoucher, type VoucherRow } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { refuse, type Outcome, type Refusal } from '../refusal';
import { changeVoucherIn, type VoucherRef } from './change';
import { inTransaction } from '../../db/transaction';
import type { Decide } from './compare-and-set';
import {
  allOf,
  claimed,
  notBurned,
  ownedBy,
  present,
  unclaimed,
  unexpiredAt,
  unlockedAt,
  unowned,
} from './guards';
import { namedMemberId, type OwnerRef } from './members';
import { labelOf, otherOwnerRefusal, refusal } from './refusals';
import type { Err } from '../../../src-shared/result';

export interface OwnedVoucherRequest {
  readonly ref: VoucherRef;
  readonly owner: OwnerRef;
}

type DecideForMember = (row: VoucherRow, memberId: number | null) => ReturnType<Decide<VoucherRow>>;

/**
 * A change of a voucher the caller may name with its owner: the member named is looked up first
 * (an unknown one is refused), and a voucher that is not theirs is refused.
 */
async function changeOwned(
  db: Kysely<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
  decide: DecideForMember,
  mayAdopt = false,
): Promise<Outcome<VoucherRow>> {
  return inTransaction(db, (trx) => changeOwnedIn(trx, actor, request, now, decide, mayAdopt));
}

async function changeOwnedIn(
  trx: Transaction<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
  decide: DecideForMember,
  mayAdopt: boolean,
): Promise<Outcome<VoucherRow>> {
  const member = await namedMemberId(trx, actor.chainId, request.owner);
  if (!member.ok) return member;
  const memberId = member.value;
  return changeVoucherIn(trx, actor, request.ref, now, (row) => {
    const unowned = mayAdopt && row.member_id === null;
    return (unowned ? null : otherOwnerRefusal(row, memberId)) ?? decide(row, memberId);
  });
}

/**
 * claim-voucher: the voucher becomes claimed. An unowned voucher claimed with a member named
 * becomes that member's; someone else's is refused.
 */
export async function claimVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
): Promise<Outcome<VoucherRow>> {
  return inTransaction(db, (trx) => claimVoucherIn(trx, actor, request, now));
}

/** claim-voucher inside the caller's transaction (claim-vouchers claims several in one). */
export async function claimVoucherIn(
  trx: Transaction<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
): Promise<Outcome<VoucherRow>> {
  return changeOwnedIn(trx, actor, request, now, decideClaim(now), true);
}

function decideClaim(now: number): DecideForMember {
  return (row, memberId) => {
    const voucher = toDomainVoucher(row);
    const refused = usedOrExpiredRefusal(row, voucher, now, 'claim');
    if (refused) return refused;
    const adopt = row.member_id === null && memberId !== null;
    if (voucher.claimedAt !== null && !adopt) return ok(null);
    return ok({
      set: {
        ...(voucher.claimedAt === null ? { claimed_at: now } : {}),
        ...(adopt ? { member_id: memberId } : {}),
      },
      guard: allOf(
        voucher.claimedAt === null ? unclaimed : claimed,
        adopt ? unowned : ownedBy(row.member_id),
        notBurned,
        unexpiredAt(now),
      ),
      audits: ['claim'],
    });
  };
}

/** unclaim-voucher: back to generated; while a lock holds, only a manager (or higher) may. */
export async function unclaimVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
): Promise<Outcome<VoucherRow>> {
  return changeOwned(db, actor, request, now, (row) => {
    const voucher = toDomainVoucher(row);
    if (voucher.burnedAt !== null)
      return refusal(row, 'unclaim', { code: 'voucher_already_redeemed' });
    if (voucher.claimedAt === null) return ok(null);
    const locked = lockHolds(voucher, now);
    if (locked && actor.role === 'terminal') {
      const until = toSpaazaDateTime(row.lock_until ?? now);
      return refuse(
        'permission_denied_or_non_existent',
        `voucher ${labelOf(row)} is locked until ${until}: unclaiming a locked voucher needs the manager role`,
      );
    }
    return ok({
      set: { claimed_at: null },
      guard: allOf(claimed, notBurned, ...(locked ? [] : [unlockedAt(now)])),
      audits: ['unclaim'],
    });
  });
}

/** expire-voucher: a claimed, unused voucher expires now. */
export async function expireVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
): Promise<Outcome<VoucherRow>> {
  return changeOwned(db, actor, request, now, (row) => {
    const voucher = toDomainVoucher(row);
    const refused = unclaimedOrUsedRefusal(row, voucher, 'expire');
    if (refused) return refused;
    if (isExpired(voucher, now)) return ok(null);
    return ok({
      set: { expires_at: now },
      guard: allOf(claimed, notBurned, unexpiredAt(now)),
      audits: ['expire'],
    });
  });
}

/** delete-voucher: a claimed, unused voucher disappears from every list. */
export async function deleteVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
): Promise<Outcome<VoucherRow>> {
  return changeOwned(db, actor, request, now, (row) => {
    const refused = unclaimedOrUsedRefusal(row, toDomainVoucher(row), 'delete');
    if (refused) return refused;
    return ok({
      set: { deleted_at: now },
      guard: allOf(claimed, notBurned, present),
      audits: ['delete'],
    });
  });
}

function usedOrExpiredRefusal(
  row: VoucherRow,
  voucher: Voucher,
  now: number,
  verb: string,
): Err<Refusal> | null {
  if (voucher.burnedAt !== null) return refusal(row, verb, { code: 'voucher_already_redeemed' });
  if (isExpired(voucher, now)) return refusal(row, verb, { code: 'voucher_expired' });
  return null;
}

function unclaimedOrUsedRefusal(
  row: VoucherRow,
  voucher: Voucher,
  verb: string,
): Err<Refusal> | null {
  if (voucher.burnedAt !== null) return refusal(row, verb, { code: 'voucher_already_redeemed' });
  if (voucher.claimedAt === null) return refusal(row, verb, { code: 'voucher_not_claimed' });
  return null;
}
