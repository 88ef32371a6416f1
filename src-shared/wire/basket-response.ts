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

/**
 * A voucher add-basket would create for this basket (the rest of a fixed voucher worth more
 * than the basket), as get-basket-price foresees it: not stored, so it has no key yet.
 */
export const provisionalVoucherSchema = z.looseObject({
  voucher_provisional: z.literal(true),
  voucher_type: z.literal('basket'),
  voucher_currency_code: z.string(),
  voucher_amount: wireAmount,
  voucher_title: z.string().nullish(),
  voucher_expiry_datetime_utc: z.string().nullish(),
  member_number: z.string().nullish(),
  parent_voucher: z.looseObject({ voucher_key: voucherKey }),
});
export type WireProvisionalVoucher = z.infer<typeof provisionalVoucherSchema>;

export const getBasketPriceResultsSchema = z.looseObject({
  user: basketUserSchema.optional(),
  basket: pricedBasketSchema,
  /** Always empty from this engine: it runs no spend-progress campaigns. */
  purchase_progress: z.array(z.unknown()).optional(),
  vouchers_created: z.array(provisionalVoucherSchema).optional(),
});
export type GetBasketPriceResults = z.infer<typeof getBasketPriceResultsSchema>;

export const addBasketResultsSchema = z.looseObject({
  /** The `user` sent, kept even when the basket was stored anonymously. */
  user: basketUserSchema.optional(),
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
