import type { ReceiptView, SaleView } from '../../src-shared/till';
import type { ConfirmWay } from './confirm';
import { pricedToConfirm } from './confirm';
import type { CoreContext } from './context';
import type { SaleBook } from './sale-book';
import { receiptPaymentOf, type SaleTenders } from './tender';
import type { TrainingRecords } from './sale-records';

/**
 * A practice sale's receipt, from the sale as it was last priced: what a real sale would have
 * redeemed and handed over, marked as training. Nothing was redeemed, journalled or queued.
 */
export function trainingReceipt(
  view: SaleView,
  confirmedAt: number,
  tenders: SaleTenders = [],
): ReceiptView {
  return {
    basketCode: view.basketCode,
    confirmedAt: new Date(confirmedAt).toISOString(),
    currency: view.currency,
    locale: view.locale,
    customer: view.customer ? { ...view.customer } : null,
    lines: view.lines.map((line) => ({ ...line, shares: [...line.shares] })),
    vouchersRedeemed: view.applied.map((voucher) => ({ ...voucher, lockedUntil: null })),
    honourCodes: view.applied.flatMap((voucher) =>
      voucher.honourCode === null ? [] : [{ code: voucher.code, honourCode: voucher.honourCode }],
    ),
    vouchersCreated: [],
    totals: { ...view.totals },
    payment: receiptPaymentOf(
      view.totals.net,
      tenders.map((tender) => ({ ...tender, late: false })),
    ),
    warnings: [],
    // nothing waits in the outbox: there is nothing to send
    syncState: 'synced',
    engineBasketId: null,
    training: true,
  };
}

/**
 * Confirming in training mode (docs/architecture.md, "Training mode"): the sale, priced by the
 * engine as a training basket (or by the till alone offline), is closed with its receipt in
 * memory. No add-basket is sent, nothing is journalled or queued, no honour voucher is marked
 * used, and no lock needs releasing: the engine took none.
 */
export function trainingConfirm(
  context: CoreContext,
  book: SaleBook,
  records: TrainingRecords,
): ConfirmWay {
  return {
    confirm: async (entry, payment) => {
      const priced = await pricedToConfirm(context, entry, payment);
      if (!priced.ok) return priced;
      const receipt = trainingReceipt(entry.sale.view, context.now(), priced.value);
      records.confirmed(receipt);
      book.close(entry.sale.state.saleId);
      context.log.info({ basketCode: receipt.basketCode }, 'training sale confirmed');
      return { ok: true, value: receipt };
    },
    receipt: (basketCode) => records.receipt(basketCode),
  };
}
