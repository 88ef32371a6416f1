import { isRejectionCode, priceBasket, rejectionMessage } from '../../src-shared/pricing';
import type { SaleView } from '../../src-shared/till';
import type { SpaazaWarning, WirePricedBasket } from '../../src-shared/wire';
import { pricingLines } from './basket-request';
import type { SaleState } from './sale-state';
import { appliedVoucherToDomain, instantOf, minorOf } from './wire-to-domain';

export interface ViewContext {
  readonly currency: string;
  readonly locale: string;
  readonly now: number;
}

type Notice = SaleView['notices'][number];

const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

/** The cashier's view of a sale the engine priced; warnings that are not voucher refusals become notices. */
export function engineSaleView(
  sale: SaleState,
  basket: WirePricedBasket,
  warnings: readonly SpaazaWarning[],
  context: ViewContext,
): SaleView {
  const { currency } = context;
  const byLine = new Map(basket.basket_items.map((item) => [item.retailer_item_code, item]));
  const lines = sale.lines.map((line) => {
    const item = byLine.get(line.lineId);
    const discount = minorOf(item?.item_discount, currency);
    const net = item ? minorOf(item.item_adjusted_subtotal, currency) : 0;
    return {
      lineId: line.lineId,
      barcode: line.barcode,
      name: line.name,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      gross: net + discount,
      discount,
      net,
      excluded: line.excluded || item?.excluded_from_spaaza === true,
      shares: (item?.item_vouchers ?? []).map((share) => ({
        voucherKey: share.voucher_key,
        discount: minorOf(share.discount, currency),
      })),
    };
  });
  const rejected: SaleView['rejected'] = [];
  const notices: Notice[] = [];
  for (const warning of warnings) {
    if (isRejectionCode(warning.name)) {
      rejected.push({
        // the code the cashier scanned, when the engine names it; else the voucher key
        ref: warning.message?.voucher_code ?? warning.message?.key ?? warning.name,
        reason: warning.name,
        message: rejectionMessage(warning.name),
        lockedUntil: iso(instantOf(warning.message?.locked_until)),
      });
    } else {
      notices.push({ code: warning.name, message: warning.description });
    }
  }
  return {
    saleId: sale.saleId,
    basketCode: sale.basketCode,
    state: 'open',
    currency,
    locale: context.locale,
    customer: sale.memberNumber ? { memberNumber: sale.memberNumber } : null,
    lines,
    applied: basket.basket_vouchers.flatMap((voucher) =>
      voucher.voucher_type === 'basket_fixed_unit'
        ? []
        : [
            {
              voucherKey: voucher.voucher_key,
              code: voucher.voucher_code ?? null,
              type: voucher.voucher_type,
              title: voucher.voucher_title ?? voucher.voucher_code ?? 'Voucher',
              discount: minorOf(voucher.voucher_applied_amount, currency),
              amountRemaining: minorOf(voucher.voucher_amount_remaining, currency),
              honourCode: voucher.voucher_honour_code ?? null,
              lockedUntil: iso(instantOf(voucher.voucher_locked_until)),
            },
          ],
    ),
    rejected,
    totals: {
      gross: minorOf(basket.basket_total_price, currency),
      discount: minorOf(basket.basket_total_discount, currency),
      net: minorOf(basket.basket_total_adjusted_price, currency),
    },
    pricedBy: 'engine',
    notices,
  };
}

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
  basket: WirePricedBasket,
  view: SaleView,
  context: ViewContext,
): PricingMismatch[] {
  const vouchers = basket.basket_vouchers.flatMap((wire) => {
    const voucher = appliedVoucherToDomain(wire, context.currency, sale.memberNumber);
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
