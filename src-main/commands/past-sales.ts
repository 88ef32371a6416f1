import type { PastSaleView, TillHandlers } from '../../src-shared/till';
import { searchSales, type JournalSale } from '../store';
import type { CoreContext } from './context';

/** A confirmed sale as the Past sales screen lists it. */
export function pastSaleOf(sale: JournalSale): PastSaleView {
  return {
    basketCode: sale.basketCode,
    confirmedAt: (sale.confirmedAt ?? sale.startedAt).toISOString(),
    currency: sale.currency,
    customer: sale.memberNumber ? { memberNumber: sale.memberNumber } : null,
    lineCount: sale.lines.length,
    total: sale.totals.net,
    vouchersCreated: sale.vouchersCreated.length,
    syncState: sale.syncedAt === null ? 'queued' : 'synced',
  };
}

/** Past sales from the till's own journal: by basket code, by day of its calendar, by amount. */
export function pastSalesHandlers(context: CoreContext): Pick<TillHandlers, 'receipt/search'> {
  return {
    'receipt/search': ({ basketCode, day, amount, limit }) => {
      const sales = searchSales(context.db, {
        limit,
        ...(basketCode === undefined ? {} : { basketCode }),
        ...(amount === undefined ? {} : { amount }),
        ...(day === undefined ? {} : { day: { date: day, timezone: context.config.timezone } }),
      });
      return Promise.resolve({ ok: true, value: sales.map(pastSaleOf) });
    },
  };
}
