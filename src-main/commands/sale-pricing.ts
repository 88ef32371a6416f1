import type { SaleView } from '../../src-shared/till';
import { crossCheck } from '../sale/cross-check';
import { enginePricing } from '../sale/engine-pricing';
import type { EngineVouchers } from '../sale/kept-vouchers';
import type { SaleState } from '../sale/sale-state';
import { saleView, unpricedView, type Notice } from '../sale/sale-view';
import { viewContext, type CoreContext } from './context';
import { tillErrorOf } from './engine-errors';
import { localSaleView } from './local-pricing';

export type { Notice };

/** An open sale between commands: its state, and what the engine last said about it. */
export interface OpenSale {
  state: SaleState;
  view: SaleView;
  /** The state `view` is the engine's answer for; null when the last pricing failed. */
  pricedState: SaleState | null;
  /** Kept from the first confirm attempt, so a retried add-basket is the same basket (a replay). */
  confirmedAt: number | null;
  /** What the engine applied the last time it priced this sale: kept for pricing offline. */
  engineVouchers: EngineVouchers | null;
}

/**
 * Prices the sale's current state: on the engine (locking its vouchers to this basket, the
 * answer cross-checked) while the till is online; locally, at once, while it is offline or
 * when the engine turns out to be unreachable (docs/architecture.md, "Offline and sync"). An engine that refuses leaves the lines
 * unpriced, with a notice.
 */
export async function priceSale(context: CoreContext, sale: OpenSale): Promise<void> {
  const state = sale.state;
  if (!context.connectivity.isOnline()) {
    priceLocally(context, sale, state);
    return;
  }
  const outcome = await context.engine.getBasketPrice(state, context.config);
  if (!outcome.ok && outcome.error.kind === 'unavailable') {
    context.connectivity.reportUnreachable();
    priceLocally(context, sale, state);
    return;
  }
  context.connectivity.reportAnswered();
  if (!outcome.ok) {
    const { message } = tillErrorOf(outcome.error, 'the sale');
    sale.view = unpricedView(state, [{ code: 'engine_rejected', message }], viewContext(context));
    sale.pricedState = null;
    return;
  }
  const viewContextNow = viewContext(context);
  const basket = outcome.value;
  const view = saleView(state, enginePricing(basket, outcome.warnings), viewContextNow);
  const mismatches = crossCheck(state, basket, view, viewContextNow);
  if (mismatches.length > 0) {
    context.log.warn(
      { basketCode: state.basketCode, mismatches },
      'the engine and the till price this basket differently',
    );
    const fields = mismatches.map((mismatch) => mismatch.field).join(', ');
    view.notices.push({
      code: 'pricing_mismatch',
      message: `The till's own pricing differs from the engine's (${fields}); the engine's prices are used.`,
    });
  }
  sale.view = view;
  sale.pricedState = state;
  sale.engineVouchers = { state, vouchers: basket.vouchers };
}

function priceLocally(context: CoreContext, sale: OpenSale, state: SaleState): void {
  sale.view = localSaleView(context, state, sale.engineVouchers);
  sale.pricedState = state;
}
