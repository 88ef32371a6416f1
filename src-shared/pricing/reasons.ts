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
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

/** What the cashier reads, in plain words. A lock's end time is shown beside it by the UI. */
const MESSAGES: Readonly<Record<RejectionCode, string>> = {
  voucher_not_found: 'No voucher with this code exists.',
  voucher_not_claimed: 'This voucher has not been activated for the customer yet.',
  voucher_already_redeemed: 'This voucher has already been used.',
  voucher_expired: 'This voucher has expired.',
  voucher_locked: 'This voucher is held for another sale.',
  voucher_wrong_owner: 'This voucher belongs to another customer.',
  voucher_locking_code_mismatch: 'This voucher is held under a different locking code.',
  voucher_not_combinable: 'This voucher cannot be combined with the other voucher in this sale.',
  voucher_offline_not_allowed: 'Value vouchers cannot be used while the till is offline.',
};

export function rejectionMessage(code: RejectionCode): string {
  return MESSAGES[code];
}

export function isRejectionCode(value: string): value is RejectionCode {
  return (REJECTION_CODES as readonly string[]).includes(value);
}
