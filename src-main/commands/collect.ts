import type { ReceiptView, Tender, TillResult } from '../../src-shared/till';
import { findSale, recordTenders } from '../store';
import type { CoreContext } from './context';
import { receiptOf } from './confirm';
import { paymentOf, settleSale } from './tender';
import { tillError } from './till-error-words';

/**
 * What was still to collect on a confirmed sale (the engine did not redeem a voucher after the
 * customer paid), paid with one more tender: kept in the journal as late.
 */
export function collectLate(
  context: CoreContext,
  basketCode: string,
  tender: Tender,
): Promise<TillResult<ReceiptView>> {
  const sale = findSale(context.db, basketCode);
  if (sale?.state !== 'confirmed')
    return Promise.resolve({
      ok: false,
      error: tillError('not_found', 'receipt_not_found', { basketCode }),
    });
  const { toCollect } = paymentOf(sale.totals.net, sale.tenders);
  if (toCollect === 0)
    return Promise.resolve({
      ok: false,
      error: tillError('invalid_input', 'nothing_to_collect', { basketCode }),
    });
  const settled = settleSale(context.config.tender, toCollect, [tender]);
  if (!settled.ok) return Promise.resolve(settled);
  const at = new Date(context.now());
  context.db
    .transaction(() => {
      recordTenders(context.db, basketCode, settled.value, { late: true, at });
    })
    .immediate();
  const updated = findSale(context.db, basketCode);
  if (!updated) throw new Error(`sale ${basketCode} vanished from the journal`);
  return Promise.resolve({ ok: true, value: receiptOf(updated, context.config.locale) });
}
