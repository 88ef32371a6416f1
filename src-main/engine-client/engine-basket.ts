import type { z } from 'zod';
import {
  addBasketResultsSchema,
  getBasketPriceResultsSchema,
  type WirePricedBasket,
} from '../../src-shared/wire';
import { minorAmount } from './amounts';
import { engineVoucherOf, type EngineVoucher } from './engine-voucher';

/** One basket line as the engine priced it, by the line id the till sent; amounts in minor units. */
export interface EngineLine {
  readonly lineId: string;
  readonly discount: number;
  readonly net: number;
  /** Sent as excluded, or excluded by the engine (an unmatched return). */
  readonly excluded: boolean;
  readonly shares: readonly { readonly voucherKey: string; readonly discount: number }[];
}

export interface AppliedEngineVoucher extends EngineVoucher {
  readonly discount: number;
  readonly amountRemaining: number;
}

/** What get-basket-price answered, in the till's terms. */
export interface EngineBasket {
  readonly lines: readonly EngineLine[];
  readonly vouchers: readonly AppliedEngineVoucher[];
  readonly totals: { readonly gross: number; readonly discount: number; readonly net: number };
}

/** What add-basket stored. */
export interface StoredBasket extends EngineBasket {
  readonly basketId: number;
  readonly redeemedKeys: readonly string[];
  /** True when this add-basket repeated one already stored: nothing was redeemed again. */
  readonly replayed: boolean;
}

function engineBasketOf(
  basket: WirePricedBasket,
  currency: string,
  context: z.RefinementCtx,
): EngineBasket {
  const at = ['basket'];
  const minor = (amount: number, path: readonly (string | number)[]) =>
    minorAmount(amount, currency, context, [...at, ...path]);
  return {
    lines: basket.basket_items.map((item, index) => {
      const path = ['basket_items', index];
      return {
        lineId: item.retailer_item_code,
        discount: minor(item.item_discount, [...path, 'item_discount']),
        net: minor(item.item_adjusted_subtotal, [...path, 'item_adjusted_subtotal']),
        excluded: item.excluded_from_spaaza === true,
        shares: item.item_vouchers.map((share, shareIndex) => ({
          voucherKey: share.voucher_key,
          discount: minor(share.discount, [...path, 'item_vouchers', shareIndex, 'discount']),
        })),
      };
    }),
    vouchers: basket.basket_vouchers.map((voucher, index) => {
      const path = ['basket_vouchers', index];
      return {
        ...engineVoucherOf(voucher, currency, context, [...at, ...path]),
        discount: minor(voucher.voucher_applied_amount, [...path, 'voucher_applied_amount']),
        amountRemaining: minor(voucher.voucher_amount_remaining, [
          ...path,
          'voucher_amount_remaining',
        ]),
      };
    }),
    totals: totalsOf(basket, minor),
  };
}

/**
 * The engine's totals. `basket_total_price` is what the till said it charged, echoed, so the
 * gross is the adjusted total plus the discount.
 */
function totalsOf(
  basket: WirePricedBasket,
  minor: (amount: number, path: readonly (string | number)[]) => number,
): EngineBasket['totals'] {
  const discount = minor(basket.basket_total_discount, ['basket_total_discount']);
  const net = minor(basket.basket_total_adjusted_price, ['basket_total_adjusted_price']);
  return { gross: net + discount, discount, net };
}

/** get-basket-price's results decoded into the till's terms, in the basket's currency. */
export function pricedBasketSchema(currency: string) {
  return getBasketPriceResultsSchema.transform((results, context): EngineBasket =>
    engineBasketOf(results.basket, currency, context),
  );
}

export function storedBasketSchema(currency: string) {
  return addBasketResultsSchema.transform((results, context): StoredBasket => ({
    ...engineBasketOf(results.basket, currency, context),
    basketId: results.basket.basket_id,
    redeemedKeys: results.vouchers_redeemed.map((voucher) => voucher.voucher_key),
    replayed: results.replayed,
  }));
}
