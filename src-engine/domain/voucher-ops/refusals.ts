import type { Err } from '../../../src-shared/result';
import type { UnusableReason } from '../../../src-shared/vouchers';
import { toSpaazaDateTime } from '../../../src-shared/wire/datetime';
import type { VoucherRow } from '../../repo/vouchers';
import { refuse, type Refusal } from '../refusal';

/* The refusals of the voucher calls, each naming the voucher by its label. */

/**
 * A voucher named together with a member it does not belong to, or null when it is theirs or no
 * member was named (`memberId` null). An unowned voucher belongs to no member named.
 */
export function otherOwnerRefusal(row: VoucherRow, memberId: number | null): Err<Refusal> | null {
  return memberId !== null && row.member_id !== memberId
    ? refuse('voucher_not_found', `voucher ${labelOf(row)} does not belong to the member named`)
    : null;
}

export function refusal(row: VoucherRow, verb: string, reason: UnusableReason): Err<Refusal> {
  const cannot = `cannot ${verb} voucher ${labelOf(row)}`;
  switch (reason.code) {
    case 'voucher_not_found':
      return refuse('voucher_not_found', `${cannot}: it no longer exists`);
    case 'voucher_wrong_owner':
      return refuse('voucher_not_found', `${cannot}: it belongs to another member`);
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

export function conflict(description: string): Err<Refusal> {
  return refuse('voucher_state_conflict', description);
}

/** The customer-facing code where there is one, else the key. */
export function labelOf(row: VoucherRow): string {
  return row.code ?? row.voucher_key;
}

/** How a voucher that keeps changing is named. */
export function voucherName(row: VoucherRow): string {
  return `voucher ${labelOf(row)}`;
}
