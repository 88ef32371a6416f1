import type { Kysely } from 'kysely';
import { ok } from '../../src-shared/result';
import type { Database } from '../db/schema';
import { inTransaction } from '../db/transaction';
import type { VoucherRow } from '../repo/vouchers';
import type { Actor } from './actor';
import type { Outcome } from './refusal';
import type { VoucherRef } from './voucher-ops/change';
import { lockVoucherIn, type LockRequest } from './voucher-ops/lock';
import { findMember, type OwnerRef } from './voucher-ops/members';
import { claimVoucherIn } from './voucher-ops/ownership';

/** How claim-vouchers holds what it claimed, as lock-voucher would; absent: no lock. */
export type ClaimLocking = Omit<LockRequest, 'ref'>;

export interface ClaimVouchersRequest {
  readonly owner: OwnerRef;
  readonly vouchers: readonly VoucherRef[];
  readonly locking: ClaimLocking | null;
}

/**
 * claim-vouchers: claims each voucher for the member and, when asked, locks it, all in one
 * transaction: the first voucher refused rolls back every claim and lock before it.
 */
export async function claimVouchers(
  db: Kysely<Database>,
  actor: Actor,
  request: ClaimVouchersRequest,
  now: number,
): Promise<Outcome<VoucherRow[]>> {
  return inTransaction(db, async (trx) => {
    const member = await findMember(trx, actor.chainId, request.owner);
    if (!member.ok) return member;
    const owner: OwnerRef = { userId: member.value.id };
    const rows: VoucherRow[] = [];
    for (const ref of request.vouchers) {
      const claimed = await claimVoucherIn(trx, actor, { ref, owner }, now);
      if (!claimed.ok) return claimed;
      if (request.locking === null) {
        rows.push(claimed.value);
        continue;
      }
      const locked = await lockVoucherIn(
        trx,
        actor,
        { ...request.locking, ref: { id: claimed.value.id } },
        now,
      );
      if (!locked.ok) return locked;
      rows.push(locked.value);
    }
    return ok(rows);
  });
}
