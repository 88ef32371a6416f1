import { missingCase, type Err } from '../../../src-shared/result';
import { checkUsable, isExpired, lockHolds } from '../../../src-shared/vouchers';
import { iso } from '../../../src-shared/wire/datetime';
import type { BenefitRow } from '../../repo/benefits';
import { toDomainVoucher } from '../../repo/vouchers';
import { refuse, type Refusal } from '../refusal';

/* The WLL face's refusals (docs/wll-face.md, "Refusals"), each naming the benefit by its public id. */

const at = (instant: number | null): string => (instant === null ? '' : ` at ${iso(instant)}`);

export function benefitNotFound(benefitId: string): Err<Refusal> {
  return refuse('benefit_not_found', `no benefit ${benefitId} in this chain`);
}

export function voucherNotFound(code: string): Err<Refusal> {
  return refuse('voucher_not_found', `no voucher with code ${code} in this chain`);
}

/** Names the code the caller sent, not the benefit: the caller is not its owner. */
export function ownerMismatch(code: string): Err<Refusal> {
  return refuse(
    'voucher_owner_mismatch',
    `the voucher with code ${code} belongs to another member than userIdentifier`,
  );
}

/** A member named as the presenter may use a benefit that is theirs or nobody's (a bearer voucher). */
export function belongsToOther(row: BenefitRow, memberNumber: string | undefined): boolean {
  return (
    memberNumber !== undefined && row.member_number !== null && row.member_number !== memberNumber
  );
}

/** Why a benefit cannot be redeemed (its code revealed, i.e. claimed) at `now`, or null when it can. */
export function claimRefusal(row: BenefitRow, now: number): Err<Refusal> | null {
  if (row.burned_at !== null) return alreadyBurned(row);
  if (row.claimed_at !== null)
    return refuse(
      'benefit_already_redeemed',
      `benefit ${row.uuid} was already redeemed${at(row.claimed_at)}`,
    );
  if (isExpired(toDomainVoucher(row), now)) return expired(row);
  return null;
}

/**
 * Why a benefit's code cannot be validated at `now`, or null when it can: the Spaaza
 * usability rule (docs/architecture.md, "Voucher state") in WLL's words. A burn also needs the voucher free of any sale's lock.
 */
export function validationRefusal(
  row: BenefitRow,
  now: number,
  options: { readonly burning: boolean },
): Err<Refusal> | null {
  const voucher = toDomainVoucher(row);
  const usable = checkUsable(voucher, now, {
    basketCode: null,
    lockingCode: null,
    memberNumber: row.member_number,
  });
  if (!usable.ok) {
    switch (usable.error.code) {
      case 'voucher_not_found':
        return refuse('voucher_not_found', `benefit ${row.uuid} no longer exists`);
      case 'voucher_already_redeemed':
        return alreadyBurned(row);
      case 'voucher_expired':
        return expired(row);
      case 'voucher_not_claimed':
        return refuse(
          'voucher_not_redeemed',
          `benefit ${row.uuid} must be redeemed before its code can be validated`,
        );
      case 'voucher_wrong_owner':
        // checked as its own owner's: the presenter was matched when the code was looked up
        throw new Error(`benefit ${row.uuid} was checked for someone other than its owner`);
      case 'voucher_locked':
      case 'voucher_locking_code_mismatch':
        // the last check: a voucher held by a sale may still be validated, just not burned
        return options.burning ? locked(row, usable.error.lockedUntil) : null;
      default:
        return missingCase(usable.error);
    }
  }
  if (options.burning && voucher.lock !== null && lockHolds(voucher, now))
    return locked(row, voucher.lock.until);
  return null;
}

function alreadyBurned(row: BenefitRow): Err<Refusal> {
  return refuse(
    'voucher_already_burned',
    `benefit ${row.uuid} was already burned${at(row.burned_at)}`,
  );
}

function expired(row: BenefitRow): Err<Refusal> {
  return refuse('voucher_expired', `benefit ${row.uuid} expired${at(row.expires_at)}`);
}

function locked(row: BenefitRow, until: number): Err<Refusal> {
  return refuse(
    'voucher_locked',
    `benefit ${row.uuid} is held by a sale until ${iso(until)}; try again after that`,
  );
}

/** How a benefit that keeps changing is named. */
export function benefitName(row: BenefitRow): string {
  return `benefit ${row.uuid}`;
}
