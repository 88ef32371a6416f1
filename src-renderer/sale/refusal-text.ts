import type { TFunction } from 'i18next';
import type { SaleView } from '../../src-shared/till';
import { messageWords, type MessageWords } from '../common/message-words';

type Refused = SaleView['rejected'][number];

/**
 * Why a voucher was refused and what to do, as the cashier can say it to the customer: the
 * catalogue's words for the refusal (its `words`, finer than its reason where the till knows
 * more), and where a lock holds it, which till holds it and the time it is free again.
 */
export function refusalWords(refused: Refused, t: TFunction): MessageWords {
  const until = refused.params.until ?? refused.lockedUntil ?? undefined;
  return messageWords(t, refused.words, {
    ...refused.params,
    ...(until === undefined ? {} : { until }),
  });
}

/**
 * The refusals the cashier should see: of the vouchers scanned, and of a customer's own voucher
 * only while another sale holds it (a manager can free it); a voucher the engine offered on its
 * own that cannot apply (expired, used) is no news.
 */
export function shownRefusals(rejected: readonly Refused[]): Refused[] {
  return rejected.filter(
    (refused) =>
      refused.scanned ||
      refused.reason === 'voucher_locked' ||
      refused.reason === 'voucher_locking_code_mismatch',
  );
}
