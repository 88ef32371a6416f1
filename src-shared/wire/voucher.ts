import { z } from 'zod';
import { code, spaazaDateTime, voucherKey, wireAmount } from './fields';

const nullableText = z.string().nullish();

/** Spaaza's voucher types; `basket_fixed_unit` exists there and is never applied by this project. */
export const wireVoucherType = z.enum(['basket', 'basket_pct', 'honour', 'basket_fixed_unit']);

/** The voucher object of the Spaaza wire (docs/spaaza-wire.md, "The voucher object"), plus `voucher_code` and `campaign_exclusive`. */
export const voucherObjectSchema = z.looseObject({
  voucher_key: voucherKey,
  voucher_id: z.number().int().optional(),
  voucher_code: code.nullish(),
  voucher_type: wireVoucherType,
  voucher_status: z.enum(['generated', 'claimed', 'redeemed']),
  voucher_locked: z.boolean(),
  voucher_locked_until: spaazaDateTime.nullish(),
  voucher_locking_code: nullableText,
  voucher_retailer_basket_code_exclusive: nullableText,
  voucher_created_datetime: z.string().optional(),
  voucher_redeemed_datetime: nullableText,
  voucher_expiry_datetime_utc: spaazaDateTime.nullish(),
  voucher_expiry_seconds_remaining: z.number().int().nullish(),
  voucher_currency_code: z.string().nullish(),
  /** ISO 4217's number of the currency (978 for EUR): ours, as Spaaza publishes no table. */
  voucher_currency_id: z.number().int().nullish(),
  voucher_currency_symbol: nullableText,
  voucher_amount: wireAmount.nullish(),
  voucher_amount_original: wireAmount.nullish(),
  voucher_amount_redeemed: wireAmount.nullish(),
  voucher_discount_ratio: z.number().min(0).max(1).nullish(),
  voucher_honour_code: nullableText,
  voucher_title: nullableText,
  voucher_text: nullableText,
  voucher_description: nullableText,
  voucher_notes: nullableText,
  voucher_image_url: nullableText,
  campaign_id: z.number().int().optional(),
  campaign_type: nullableText,
  campaign_title: nullableText,
  campaign_exclusive: z.boolean().optional(),
  user_id: z.number().int().nullish(),
  member_number: nullableText,
  parent_voucher: z.looseObject({ voucher_key: voucherKey }).nullish(),
});
export type WireVoucher = z.infer<typeof voucherObjectSchema>;
