import { z } from 'zod';
import { basketItemObject, basketSchema, basketUserSchema } from './basket-request';
import { voucherKey, wireAmount } from './fields';
import { voucherObjectSchema } from './voucher';

/** Each item gains its adjusted price and every voucher's share of its discount. */
export const pricedItemSchema = basketItemObject.extend({
  retailer_item_code: z.string(),
  item_adjusted_price: wireAmount,
  item_adjusted_subtotal: wireAmount,
  item_discount: wireAmount,
  item_vouchers: z.array(z.looseObject({ voucher_key: voucherKey, discount: wireAmount })),
});
export type WirePricedItem = z.infer<typeof pricedItemSchema>;

/** An applied voucher: the voucher object plus what it took off and what is left on it. */
export const appliedVoucherSchema = voucherObjectSchema.extend({
  voucher_applied_amount: wireAmount,
  voucher_amount_remaining: wireAmount,
});
export type WireAppliedVoucher = z.infer<typeof appliedVoucherSchema>;

export const pricedBasketSchema = basketSchema.extend({
  chain_id: z.number().int().optional(),
  basket_total_price: wireAmount,
  basket_total_discount: wireAmount,
  basket_total_adjusted_price: wireAmount,
  basket_items: z.array(pricedItemSchema),
  basket_vouchers: z.array(appliedVoucherSchema),
});
export type WirePricedBasket = z.infer<typeof pricedBasketSchema>;

export const getBasketPriceResultsSchema = z.looseObject({
  user: basketUserSchema.optional(),
  basket: pricedBasketSchema,
});
export type GetBasketPriceResults = z.infer<typeof getBasketPriceResultsSchema>;

export const addBasketResultsSchema = z.looseObject({
  basket: pricedBasketSchema.extend({
    basket_id: z.number().int(),
    retailer_basket_code: z.string(),
  }),
  vouchers_redeemed: z.array(voucherObjectSchema),
  vouchers_created: z.array(voucherObjectSchema),
  /** True when this add-basket repeated one already stored: nothing was redeemed again. */
  replayed: z.boolean(),
});
export type AddBasketResults = z.infer<typeof addBasketResultsSchema>;
