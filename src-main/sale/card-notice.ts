import type { CardWarningCode } from '../engine-client';
import type { Notice } from './sale-view';

/** The cashier's words for a card the engine priced the sale without: the sale goes on, the vouchers scanned stay. */
export function cardNotice(code: CardWarningCode, memberNumber: string): Notice {
  const why =
    code === 'member_not_found'
      ? 'is not known to the voucher engine'
      : 'is of a loyalty programme the voucher engine does not serve';
  return {
    code,
    message: `Loyalty card ${memberNumber} ${why}: the sale goes on without it, and the vouchers scanned stay on it.`,
    params: { memberNumber },
  };
}
