import { z } from 'zod';
import {
  code,
  currencyCode,
  itemQuantity,
  optionalText,
  voucherKey,
  requestAmount,
  wireFlag,
  wireNumber,
} from './fields';

export const entitySchema = z.looseObject({
  entity_type: z.literal('chain'),
  entity_id: wireNumber(z.number().int().positive()),
  /** The retailer's own store code. */
  branch_business_owner_code: code.optional(),
  employee_code: z.string().max(128).optional(),
  employee_name: z.string().max(256).optional(),
});

/** The customer, named by any of the ways Spaaza clients name one; several must agree. */
export const basketUserSchema = z
  .looseObject({
    member_programme: z.string().max(64).optional(),
    member_number: code.optional(),
    user_id: wireNumber(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).optional(),
    username: z.string().trim().min(1).max(254).optional(),
    authentication_point_identifier: z.string().trim().min(1).max(128).optional(),
  })
  .refine(
    (user) =>
      user.member_number !== undefined ||
      user.user_id !== undefined ||
      user.username !== undefined ||
      user.authentication_point_identifier !== undefined,
    {
      message: 'send member_number, user_id, username or authentication_point_identifier',
      path: ['member_number'],
    },
  );
export type WireBasketUser = z.infer<typeof basketUserSchema>;

export const basketItemObject = z.looseObject({
  retailer_item_code: code.optional(),
  item_barcode: z.string().max(128).optional(),
  retailer_product_code: z.string().max(128).optional(),
  item_type: z.string().max(64).optional(),
  item_quantity: itemQuantity,
  item_quantity_unit: z.string().max(32).optional(),
  /** Unit price charged, decimal major units; negative on a return line. */
  item_price: requestAmount,
  item_original_price: requestAmount.optional(),
  item_subtotal: requestAmount.optional(),
  item_name: optionalText,
  item_description: optionalText,
  item_category: optionalText,
  /** Set by the caller for lines no voucher may discount, or by the engine for unmatched returns. */
  excluded_from_spaaza: wireFlag.optional(),
  return_item: wireFlag.optional(),
  original_retailer_basket_code: code.optional(),
  original_retailer_item_code: code.optional(),
});

export const basketItemSchema = basketItemObject.refine(
  (item) => !item.return_item || item.item_price <= 0,
  {
    message: 'a return line carries a negative price',
    path: ['item_price'],
  },
);
export type WireBasketItem = z.infer<typeof basketItemSchema>;

/** A voucher named in a basket: by key, or by the code the cashier scanned (docs/spaaza-wire.md, "Our additions"). */
export const basketVoucherRefSchema = z
  .looseObject({ voucher_key: voucherKey.optional(), voucher_code: code.optional() })
  .refine((ref) => (ref.voucher_key === undefined) !== (ref.voucher_code === undefined), {
    message: 'name the voucher by exactly one of voucher_key or voucher_code',
  });
export type WireVoucherRef = z.infer<typeof basketVoucherRefSchema>;

export const MAX_BASKET_ITEMS = 1000;
export const MAX_BASKET_VOUCHERS = 50;

export const basketSchema = z.looseObject({
  basket_platform_type: z.string().max(32).optional(),
  retailer_basket_code: code.optional(),
  basket_total_price: requestAmount.optional(),
  /** ISO 8601; Spaaza's own samples send an empty string. */
  basket_timestamp_iso8601: z.union([z.iso.datetime({ offset: true }), z.literal('')]).optional(),
  basket_timezone_name: z.string().max(64).optional(),
  shipping_charge: requestAmount.optional(),
  payment_methods: z
    .array(z.looseObject({ payment_method: z.string().max(64), payment_amount: requestAmount }))
    .max(20)
    .optional(),
  basket_currency: z
    .looseObject({
      currency_code: currencyCode,
      currency_id: wireNumber(z.number().int()).optional(),
    })
    .optional(),
  basket_tax: z
    .array(z.looseObject({ tax_rate: wireNumber(z.number().min(0)), tax_total: requestAmount }))
    .max(20)
    .optional(),
  basket_notes: z.string().max(2000).optional(),
  basket_items: z.array(basketItemSchema).max(MAX_BASKET_ITEMS),
  basket_vouchers: z.array(basketVoucherRefSchema).max(MAX_BASKET_VOUCHERS).optional(),
  /**
   * Our reading of the flag the reference could not place (docs/architecture.md, "Locking and redemption"): true binds each lock
   * get-basket-price takes to this basket's `retailer_basket_code`.
   */
  basket_voucher_lock_exclusively: wireFlag.optional(),
  /**
   * Ours, beyond Spaaza (docs/spaaza-wire.md, "Our additions"): a recheck of a basket that did
   * not change. The locks it holds still keep their end instead of being renewed.
   */
  basket_voucher_keep_lock_ends: wireFlag.optional(),
  /**
   * Ours, beyond Spaaza (docs/spaaza-wire.md, "Our additions"): vouchers the customer keeps for
   * later. The engine leaves them out of this basket (not applied, not redeemed) and releases
   * the locks this basket holds on them, even while the basket's member owns them.
   */
  basket_vouchers_kept_for_later: z
    .array(z.looseObject({ voucher_key: voucherKey }))
    .max(MAX_BASKET_VOUCHERS)
    .optional(),
  /** Binds the locks to this code instead; add-basket must present the same code. */
  voucher_locking_code: code.optional(),
  /**
   * Ours (docs/spaaza-wire.md, "Training baskets"): a practice sale. get-basket-price prices it
   * as ever but takes, renews and releases no lock and records nothing; add-basket refuses it.
   */
  basket_training: wireFlag.optional(),
});
export type WireBasket = z.infer<typeof basketSchema>;

export const getBasketPriceRequestSchema = z.looseObject({
  entity: entitySchema,
  user: basketUserSchema.optional(),
  basket: basketSchema,
});
export type GetBasketPriceRequest = z.infer<typeof getBasketPriceRequestSchema>;

/** add-basket stores the basket under its code, so the code is required. */
export const addBasketRequestSchema = z.looseObject({
  entity: entitySchema,
  user: basketUserSchema.optional(),
  basket: basketSchema.extend({ retailer_basket_code: code }),
});
export type AddBasketRequest = z.infer<typeof addBasketRequestSchema>;

/**
 * Ours, beyond Spaaza (docs/spaaza-wire.md, "Our additions"): one more payment on a stored
 * basket — what a till collected after add-basket left a voucher unredeemed. `payment_position`
 * is its place in the basket's `payment_methods` (0 for the first), so that a till sending it
 * again finds it there instead of adding it twice.
 */
export const addBasketPaymentRequestSchema = z.looseObject({
  retailer_basket_code: code,
  payment_position: wireNumber(z.number().int().min(0).max(19)),
  payment_method: z.string().min(1).max(64),
  payment_amount: requestAmount,
});
export type AddBasketPaymentRequest = z.infer<typeof addBasketPaymentRequestSchema>;
