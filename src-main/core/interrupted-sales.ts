import { basketPriceRequest } from '../sale/basket-request';
import { newSale } from '../sale/sale-state';
import { appendAudit, listSales, voidSale } from '../store';
import type { CoreContext } from './context';

export interface InterruptedSales {
  /** Voided, their voucher locks released on the engine. */
  readonly released: readonly string[];
  /** Still open: the engine could not be told; the next start tries again. */
  readonly pending: readonly string[];
}

/**
 * The sales a previous run left open (the till was stopped or killed mid-sale). Read before
 * this run opens any sale of its own, so that only the previous run's sales are released.
 */
export function salesLeftOpen(context: CoreContext): readonly string[] {
  return listSales(context.db, 'open').map((sale) => sale.basketCode);
}

/**
 * Releases what interrupted sales still hold: each basket is priced empty under its own code,
 * which frees its vouchers on the engine, then the sale is voided and the void audited, in one
 * transaction. A sale the engine cannot be told about stays open for the next attempt.
 */
export async function releaseInterruptedSales(
  context: CoreContext,
  basketCodes: readonly string[],
): Promise<InterruptedSales> {
  const released: string[] = [];
  const pending: string[] = [];
  const voidWithAudit = context.db.transaction((basketCode: string, at: Date) => {
    if (!voidSale(context.db, basketCode, at)) return;
    appendAudit(context.db, {
      at,
      actor: `terminal:${context.config.terminalId}`,
      action: 'sale_voided_after_restart',
      voucherKey: null,
      basketCode,
      detail: 'the till stopped during this sale; its voucher locks were released',
    });
  });
  for (const basketCode of basketCodes) {
    const outcome = await context.engine.getBasketPrice(
      basketPriceRequest(newSale(basketCode, basketCode), context.config),
    );
    if (!outcome.ok) {
      pending.push(basketCode);
      continue;
    }
    voidWithAudit.immediate(basketCode, new Date(context.now()));
    released.push(basketCode);
  }
  if (released.length > 0 || pending.length > 0)
    context.log.info({ released, pending }, 'sales interrupted by a restart');
  return { released, pending };
}
