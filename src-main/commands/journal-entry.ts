import type { SaleView } from '../../src-shared/till';
import type { ConfirmedSale } from '../store';

type SaleContent = Pick<ConfirmedSale, 'totals' | 'lines' | 'vouchersRedeemed' | 'warnings'>;

/** What the journal keeps of a priced sale: lines with their shares, vouchers used, warnings. */
export function journalContent(view: SaleView): SaleContent {
  return {
    totals: view.totals,
    lines: view.lines,
    vouchersRedeemed: view.applied.map((voucher) => ({
      voucherKey: voucher.voucherKey,
      code: voucher.code,
      type: voucher.type,
      discount: voucher.discount,
      amountRemaining: voucher.amountRemaining,
      honourCode: voucher.honourCode,
    })),
    warnings: [
      // said by its words (the reason, or a finer code such as a code unknown offline)
      ...view.rejected.map((rejected) => ({
        code: rejected.words,
        message: rejected.message,
        voucherRef: rejected.ref,
        params: { ...rejected.params },
      })),
      ...view.notices.map((notice) => ({
        ...notice,
        params: { ...notice.params },
        voucherRef: notice.params.voucherCode ?? null,
      })),
    ],
  };
}
