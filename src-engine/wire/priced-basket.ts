import { toMajorUnits } from '../../src-shared/money';
import { unitPriceOf, type RejectedVoucher } from '../../src-shared/pricing';
import {
  WARNING_CODES,
  toSpaazaDateTime,
  type SpaazaWarning,
  type WireBasket,
  type WirePricedBasket,
} from '../../src-shared/wire';
import type { BasketPricing, BasketWarning } from '../domain/basket-pricing';
import { toVoucherObject } from './voucher-object';

/** The request's basket echoed with totals, per-item adjustments and the applied vouchers. */
export function toPricedBasket(
  request: WireBasket,
  pricing: BasketPricing,
  now: number,
): WirePricedBasket {
  const { priced, currency } = pricing;
  const money = (minor: number) => toMajorUnits(minor, currency);
  return {
    ...request,
    chain_id: pricing.chainId,
    basket_currency: { currency_code: currency },
    basket_total_price: money(priced.totals.gross),
    basket_total_discount: money(priced.totals.discount),
    basket_total_adjusted_price: money(priced.totals.net),
    basket_items: request.basket_items.map((item, index) => {
      const line = priced.lines[index];
      if (!line) throw new Error('priced basket lost a line');
      return {
        ...item,
        retailer_item_code: line.id,
        ...(pricing.unmatchedReturns.has(line.id) ? { excluded_from_spaaza: true } : {}),
        item_adjusted_price: money(unitPriceOf(line.net, line.quantity)),
        item_adjusted_subtotal: money(line.net),
        item_discount: money(line.discount),
        item_vouchers: line.shares.map((share) => ({
          voucher_key: share.voucherKey,
          discount: money(share.discount),
        })),
      };
    }),
    basket_vouchers: priced.applied.map((applied) => {
      const row = pricing.vouchers.get(applied.voucher.key);
      if (!row) throw new Error('applied voucher without its row');
      return {
        ...toVoucherObject(row, now),
        voucher_applied_amount: money(applied.discount),
        voucher_amount_remaining: money(applied.amountRemaining),
      };
    }),
  };
}

export function toWarnings(warnings: readonly BasketWarning[]): SpaazaWarning[] {
  return warnings.map((warning) =>
    warning.kind === 'voucher_rejected'
      ? rejectedVoucherWarning(warning.voucher)
      : unmatchedReturnWarning(warning.lineId),
  );
}

function rejectedVoucherWarning(rejected: RejectedVoucher): SpaazaWarning {
  return {
    code: WARNING_CODES[rejected.reason],
    name: rejected.reason,
    description: rejected.message,
    message: {
      key: rejected.voucherKey ?? rejected.ref,
      ...(rejected.voucherKey !== null && rejected.ref !== rejected.voucherKey
        ? { voucher_code: rejected.ref }
        : {}),
      ...(rejected.lockedUntil === null
        ? {}
        : { locked_until: toSpaazaDateTime(rejected.lockedUntil) }),
    },
  };
}

function unmatchedReturnWarning(lineId: string): SpaazaWarning {
  return {
    code: WARNING_CODES.original_basket_item_not_found,
    name: 'original_basket_item_not_found',
    description:
      'The returned item could not be matched to an earlier purchase; it takes no voucher logic.',
    message: { key: lineId },
  };
}
