import { en } from '../i18n/en';

/** Every reason a voucher can be refused, stable across versions: clients match on these. */
export const REJECTION_CODES = [
  'voucher_not_found',
  'voucher_not_claimed',
  'voucher_already_redeemed',
  'voucher_expired',
  'voucher_locked',
  'voucher_wrong_owner',
  'voucher_locking_code_mismatch',
  'voucher_not_combinable',
  'voucher_offline_not_allowed',
  'voucher_freed_by_manager',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

/** What the cashier reads, in plain words. A lock's end time is shown beside it by the UI. */
export function rejectionMessage(code: RejectionCode): string {
  return en.messages[code].what;
}

export function isRejectionCode(value: string): value is RejectionCode {
  return (REJECTION_CODES as readonly string[]).includes(value);
}
