import type { UnusableReason } from '../../../src-shared/vouchers';
import { toSpaazaDateTime } from '../../../src-shared/wire';
import { EngineError } from '../../http/errors';
import type { VoucherRow } from '../../repo/vouchers';
import type { OwnerRef } from './members';

/* The errors the voucher calls refuse with, each naming the voucher by its label. */

export function refuseOtherOwner(row: VoucherRow, owner: OwnerRef): void {
  const otherNumber = owner.memberNumber !== undefined && owner.memberNumber !== row.member_number;
  const otherId = owner.userId !== undefined && owner.userId !== row.member_id;
  if (otherNumber || otherId)
    throw new EngineError(
      'voucher_not_found',
      `voucher ${labelOf(row)} does not belong to the member named`,
    );
}

export function refusal(row: VoucherRow, verb: string, reason: UnusableReason): EngineError {
  const cannot = `cannot ${verb} voucher ${labelOf(row)}`;
  switch (reason.code) {
    case 'voucher_not_found':
      return new EngineError('voucher_not_found', `${cannot}: it no longer exists`);
    case 'voucher_wrong_owner':
      return new EngineError('voucher_not_found', `${cannot}: it belongs to another member`);
    case 'voucher_already_redeemed':
      return conflict(`${cannot}: it was already redeemed`);
    case 'voucher_expired':
      return conflict(`${cannot}: it has expired`);
    case 'voucher_not_claimed':
      return conflict(`${cannot}: it is not claimed`);
    case 'voucher_locked':
      return conflict(
        `${cannot}: it is held for another sale; locked_until ${toSpaazaDateTime(reason.lockedUntil)}`,
      );
    case 'voucher_locking_code_mismatch':
      return conflict(
        `${cannot}: it is held under another voucher_locking_code; locked_until ${toSpaazaDateTime(reason.lockedUntil)}`,
      );
  }
}

export function changedMeanwhile(row: VoucherRow): EngineError {
  return conflict(`voucher ${labelOf(row)} was changed by another request meanwhile; try again`);
}

export function conflict(description: string): EngineError {
  return new EngineError('voucher_state_conflict', description);
}

/** The customer-facing code where there is one, else the key. */
export function labelOf(row: VoucherRow): string {
  return row.code ?? row.voucher_key;
}
