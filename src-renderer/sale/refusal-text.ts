import type { SaleView } from '../../src-shared/till';
import { formatClock } from '../common/time';

type Refused = SaleView['rejected'][number];

/**
 * Why a voucher was refused, as the cashier can say it to the customer: the till core's own
 * words for this refusal, and, where a lock holds the voucher, the time it is free again (in
 * the screen's clock, which only the screen knows).
 */
export function refusalText(refused: Refused, locale: string): string {
  if (refused.lockedUntil === null) return refused.message;
  return `${refused.message} It is free again at ${formatClock(refused.lockedUntil, locale)}.`;
}
