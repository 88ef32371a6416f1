import type { RejectionCode } from '../pricing/reasons';

/**
 * Numeric codes of the warnings and errors this project sends. 183 is the one number the
 * Spaaza reference shows for a voucher; the reference could not show the others, so they
 * are ours, in a block of their own (1100+ vouchers, 1200+ baskets).
 */
export type WarningName =
  | RejectionCode
  | 'original_basket_item_not_found'
  | 'basket_price_mismatch'
  | 'member_not_found'
  | 'member_programme_not_supported';

export const WARNING_CODES: Readonly<Record<WarningName, number>> = {
  voucher_not_found: 183,
  voucher_not_claimed: 1101,
  voucher_already_redeemed: 1102,
  voucher_expired: 1103,
  voucher_locked: 1104,
  voucher_wrong_owner: 1105,
  voucher_locking_code_mismatch: 1106,
  voucher_not_combinable: 1107,
  voucher_offline_not_allowed: 1108,
  // our addition beyond Spaaza: a manager freed the voucher from this very basket
  voucher_freed_by_manager: 1510,
  original_basket_item_not_found: 1201,
  basket_price_mismatch: 1202,
  member_not_found: 1203,
  member_programme_not_supported: 1204,
};
