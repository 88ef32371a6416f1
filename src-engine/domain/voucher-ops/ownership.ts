import type { Kysely } from 'kysely';
import { isExpired, lockHolds, type Voucher } from '../../../src-shared/vouchers';
import { toSpaazaDateTime } from '../../../src-shared/wire';
import type { Database } from '../../db/schema';
import { EngineError } from '../../http/errors';
import { toDomainVoucher, type VoucherRow } from '../../repo/vouchers';
import type { Actor } from '../actor';
import { changeVoucher, type VoucherRef } from './change';
import { allOf, claimed, notBurned, present, unclaimed, unexpiredAt, unlockedAt } from './guards';
import type { OwnerRef } from './members';
import { labelOf, refusal, refuseOtherOwner } from './refusals';

export interface OwnedVoucherRequest {
  readonly ref: VoucherRef;
  readonly owner: OwnerRef;
}

export async function claimVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
): Promise<VoucherRow> {
  return changeVoucher(db, actor, request.ref, now, (row) => {
    refuseOtherOwner(row, request.owner);
    const voucher = toDomainVoucher(row);
    refuseUsedOrExpired(row, voucher, now, 'claim');
    if (voucher.claimedAt !== null) return null;
    return {
      action: 'claim',
      set: { claimed_at: now },
      guard: allOf(unclaimed, notBurned, unexpiredAt(now)),
    };
  });
}

/** unclaim-voucher: back to generated; while a lock holds, only a manager (or higher) may. */
export async function unclaimVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
): Promise<VoucherRow> {
  return changeVoucher(db, actor, request.ref, now, (row) => {
    refuseOtherOwner(row, request.owner);
    const voucher = toDomainVoucher(row);
    if (voucher.burnedAt !== null)
      throw refusal(row, 'unclaim', { code: 'voucher_already_redeemed' });
    if (voucher.claimedAt === null) return null;
    const locked = lockHolds(voucher, now);
    if (locked && actor.role === 'terminal') {
      const until = toSpaazaDateTime(row.lock_until ?? now);
      throw new EngineError(
        'permission_denied_or_non_existent',
        `voucher ${labelOf(row)} is locked until ${until}: unclaiming a locked voucher needs the manager role`,
      );
    }
    return {
      action: 'unclaim',
      set: { claimed_at: null },
      guard: allOf(claimed, notBurned, ...(locked ? [] : [unlockedAt(now)])),
    };
  });
}

/** expire-voucher: a claimed, unused voucher expires now. */
export async function expireVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
): Promise<VoucherRow> {
  return changeVoucher(db, actor, request.ref, now, (row) => {
    refuseOtherOwner(row, request.owner);
    const voucher = toDomainVoucher(row);
    refuseUnclaimedOrUsed(row, voucher, 'expire');
    if (isExpired(voucher, now)) return null;
    return {
      action: 'expire',
      set: { expires_at: now },
      guard: allOf(claimed, notBurned, unexpiredAt(now)),
    };
  });
}

/** delete-voucher: a claimed, unused voucher disappears from every list. */
export async function deleteVoucher(
  db: Kysely<Database>,
  actor: Actor,
  request: OwnedVoucherRequest,
  now: number,
): Promise<VoucherRow> {
  return changeVoucher(db, actor, request.ref, now, (row) => {
    refuseOtherOwner(row, request.owner);
    refuseUnclaimedOrUsed(row, toDomainVoucher(row), 'delete');
    return {
      action: 'delete',
      set: { deleted_at: now },
      guard: allOf(claimed, notBurned, present),
    };
  });
}

function refuseUsedOrExpired(row: VoucherRow, voucher: Voucher, now: number, verb: string): void {
  if (voucher.burnedAt !== null) throw refusal(row, verb, { code: 'voucher_already_redeemed' });
  if (isExpired(voucher, now)) throw refusal(row, verb, { code: 'voucher_expired' });
}

function refuseUnclaimedOrUsed(row: VoucherRow, voucher: Voucher, verb: string): void {
  if (voucher.burnedAt !== null) throw refusal(row, verb, { code: 'voucher_already_redeemed' });
  if (voucher.claimedAt === null) throw refusal(row, verb, { code: 'voucher_not_claimed' });
}
