import { basketPriceRequest } from '../sale/basket-request';
import { newSale } from '../sale/sale-state';
import { appendAudit, listSales, voidSale } from '../store';
import { saleFromAddBasket } from '../sale/sale-from-request';
import { clearPendingConfirm, pendingConfirm } from '../store/pending-confirms';
import { journalEngineSale } from './confirm';
import type { CoreContext } from './context';

export interface InterruptedSales {
  /** Stopped mid-confirm: the add-basket was replayed and the sale journaled from the answer. */
  readonly confirmed: readonly string[];
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
  const confirmed: string[] = [];
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
    const finished = await finishConfirm(context, basketCode);
    if (finished === 'confirmed') confirmed.push(basketCode);
    if (finished === 'pending') pending.push(basketCode);
    if (finished !== 'not_confirming') continue;
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
  if (confirmed.length + released.length + pending.length > 0)
    context.log.info({ confirmed, released, pending }, 'sales interrupted by a restart');
  return { confirmed, released, pending };
}

/**
 * A sale stopped between sending its add-basket and journaling the answer: replaying the same
 * request is safe (the engine answers a replay with what it stored), so the sale is journaled
 * from that answer. A refusal means the engine never stored it: the sale is voided as usual.
 */
async function finishConfirm(
  context: CoreContext,
  basketCode: string,
): Promise<'confirmed' | 'pending' | 'not_confirming'> {
  const request = pendingConfirm(context.db, basketCode);
  if (!request) return 'not_confirming';
  const outcome = await context.engine.addBasket(request);
  if (!outcome.ok && outcome.error.kind === 'unreachable') return 'pending';
  if (!outcome.ok) {
    clearPendingConfirm(context.db, basketCode);
    return 'not_confirming';
  }
  const confirmedAt = Date.parse(request.basket.basket_timestamp_iso8601 ?? '');
  journalEngineSale(
    context,
    saleFromAddBasket(request, context.config.currency),
    outcome.value,
    outcome.warnings,
    Number.isNaN(confirmedAt) ? context.now() : confirmedAt,
  );
  return 'confirmed';
}
