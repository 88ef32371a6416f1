import { priceBasket } from '../../src-shared/pricing';
import type { SaleView } from '../../src-shared/till';
import { basketPriceRequest, pricingLines } from '../sale/basket-request';
import type { SaleState } from '../sale/sale-state';
import type { EngineVouchers } from '../sale/kept-vouchers';
import { crossCheck, engineSaleView } from '../sale/sale-view';
import { viewContext, type CoreContext } from './context';
import { wireWarningOf } from './engine-errors';
import { localSaleView } from './local-pricing';

export type Notice = SaleView['notices'][number];

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

/** The sale's lines at their plain prices, for when the engine has not priced it (yet). */
export function unpricedView(
  context: CoreContext,
  state: SaleState,
  notices: readonly Notice[],
): SaleView {
  const { currency, locale, now } = viewContext(context);
  const priced = priceBasket(pricingLines(state), [], now);
  const byId = new Map(priced.lines.map((line) => [line.id, line]));
  return {
    saleId: state.saleId,
    basketCode: state.basketCode,
    state: 'open',
    currency,
    locale,
    customer: state.memberNumber ? { memberNumber: state.memberNumber } : null,
    lines: state.lines.map((line) => {
      const gross = byId.get(line.lineId)?.gross ?? 0;
      return { ...line, gross, discount: 0, net: gross, shares: [] };
    }),
    applied: [],
    rejected: [],
    totals: { gross: priced.totals.gross, discount: 0, net: priced.totals.gross },
    pricedBy: 'local',
    notices: [...notices],
  };
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
  const outcome = await context.engine.getBasketPrice(basketPriceRequest(state, context.config));
  if (!outcome.ok && outcome.error.kind === 'unreachable') {
    context.connectivity.reportUnreachable();
    priceLocally(context, sale, state);
    return;
  }
  context.connectivity.reportAnswered();
  if (!outcome.ok) {
    const message = `Not priced by the voucher engine: ${outcome.error.message}`;
    sale.view = unpricedView(context, state, [{ code: 'engine_rejected', message }]);
    sale.pricedState = null;
    return;
  }
  const viewContextNow = viewContext(context);
  const { basket } = outcome.value;
  const view = engineSaleView(state, basket, outcome.warnings.map(wireWarningOf), viewContextNow);
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
  sale.engineVouchers = { state, vouchers: basket.basket_vouchers };
}

function priceLocally(context: CoreContext, sale: OpenSale, state: SaleState): void {
  sale.view = localSaleView(context, state, sale.engineVouchers);
  sale.pricedState = state;
}
