import { priceBasket } from '../../src-shared/pricing';
import type { SaleView } from '../../src-shared/till';
import type { EngineBasket } from '../engine-client';
import { pricingLines, type SaleState } from './sale-state';
import type { ViewContext } from './sale-view';
import { appliedVoucherToDomain } from './voucher-to-domain';

export interface PricingMismatch {
  readonly field: string;
  readonly engine: number;
  readonly local: number;
}

/**
 * Prices the same lines with the vouchers the engine applied, locally, and lists every
 * cent of difference: the till and the engine must agree without talking to each other.
 */
export function crossCheck(
  sale: SaleState,
  basket: EngineBasket,
  view: SaleView,
  context: ViewContext,
): PricingMismatch[] {
  const vouchers = basket.vouchers.flatMap((engine) => {
    const voucher = appliedVoucherToDomain(engine, context.currency, sale.memberNumber);
    return voucher ? [voucher] : [];
  });
  const excluded = new Set(view.lines.filter((line) => line.excluded).map((line) => line.lineId));
  const lines = pricingLines(sale).map((line) => ({
    ...line,
    excluded: line.excluded === true || excluded.has(line.id),
  }));
  const local = priceBasket(lines, vouchers, context.now, {
    basketCode: sale.basketCode,
    memberNumber: sale.memberNumber,
  });
  const mismatches: PricingMismatch[] = [];
  const compare = (field: string, engine: number, mine: number) => {
    if (engine !== mine) mismatches.push({ field, engine, local: mine });
  };
  compare('totals.gross', view.totals.gross, local.totals.gross);
  compare('totals.discount', view.totals.discount, local.totals.discount);
  compare('totals.net', view.totals.net, local.totals.net);
  local.lines.forEach((line) => {
    const shown = view.lines.find((candidate) => candidate.lineId === line.id);
    compare(`lines.${line.id}.discount`, shown?.discount ?? 0, line.discount);
  });
  return mismatches;
}
