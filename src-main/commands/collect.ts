import type { ReceiptView, Tender, TillResult } from '../../src-shared/till';
import { formatMoney } from '../../src-shared/money';
import { appendAudit, findSale, recordTenders } from '../store';
import type { CoreContext } from './context';
import { receiptOf } from './confirm';
import { tillErrorOf } from './engine-errors';
import { paymentOf, settleSale } from './tender';
import { tillError } from './till-error-words';

/**
 * What was still to collect on a confirmed sale (the engine did not redeem a voucher after the
 * customer paid), paid with one more tender: the engine adds it to the stored basket's
 * payments first (at the place the journal's tenders say), then the journal keeps it as late.
 * While the engine cannot be reached nothing is kept, and the cashier tries again.
 */
export async function collectLate(
  context: CoreContext,
  basketCode: string,
  tender: Tender,
): Promise<TillResult<ReceiptView>> {
  const sale = findSale(context.db, basketCode);
  if (sale?.state !== 'confirmed')
    return { ok: false, error: tillError('not_found', 'receipt_not_found', { basketCode }) };
  const { toCollect } = paymentOf(sale.totals.net, sale.tenders);
  if (toCollect === 0 || sale.syncedAt === null)
    return { ok: false, error: tillError('invalid_input', 'nothing_to_collect', { basketCode }) };
  const settled = settleSale(context.config.tender, toCollect, [tender]);
  if (!settled.ok) return settled;
  for (const [index, paid] of settled.value.entries()) {
    const sent = await context.engine.addBasketPayment({
      basketCode,
      currency: sale.currency,
      position: sale.tenders.length + index,
      payment: { method: paid.method, amount: paid.amount },
    });
    if (!sent.ok) {
      if (sent.error.kind === 'unavailable') context.connectivity.reportUnavailable();
      return { ok: false, error: tillErrorOf(sent.error, 'sale') };
    }
    context.connectivity.reportAnswered();
  }
  const at = new Date(context.now());
  const { locale, terminalId } = context.config;
  context.db
    .transaction(() => {
      recordTenders(context.db, basketCode, settled.value, { late: true, at });
      for (const paid of settled.value)
        appendAudit(context.db, {
          at,
          actor: `terminal:${terminalId}`,
          action: 'collect_payment',
          voucherKey: null,
          voucherCode: null,
          basketCode,
          subject: null,
          detail: `${paid.method}: ${formatMoney(paid.amount, sale.currency, locale)}`,
        });
    })
    .immediate();
  const updated = findSale(context.db, basketCode);
  if (!updated) throw new Error(`sale ${basketCode} vanished from the journal`);
  context.log.info({ basketCode, amount: toCollect }, 'collected what a lost voucher left to pay');
  return { ok: true, value: receiptOf(updated, context.config.locale) };
}
