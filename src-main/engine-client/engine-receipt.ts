import { z } from 'zod';
import { minorAmount, instantOf } from './amounts';

/** One line of a stored basket as get-receipts shows it; amounts in minor units. */
export interface EngineReceiptLine {
  readonly lineId: string;
  /** What the selling till said the line is; empty when it said nothing (or the engine kept nothing). */
  readonly barcode: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly returned: number;
  /** Each voucher's part of the line's discount, stored at the sale (docs/spaaza-wire.md, "Returns at the till"). */
  readonly shares: readonly {
    readonly voucherKey: string;
    readonly code: string | null;
    readonly discount: number;
  }[];
}

/** A stored basket, as a till returning from it needs it. */
export interface EngineReceipt {
  readonly basketCode: string;
  readonly soldAt: number | null;
  readonly memberNumber: string | null;
  readonly currency: string;
  readonly lines: readonly EngineReceiptLine[];
}

const receiptItem = z.looseObject({
  retailer_item_code: z.string(),
  item_barcode: z.string().nullish(),
  item_name: z.string().nullish(),
  item_quantity: z.number().positive(),
  item_unit_price: z.number(),
  item_returned_quantity: z.number().min(0),
  item_voucher_shares: z
    .array(
      z.looseObject({
        voucher_key: z.string(),
        voucher_code: z.string().nullable().optional(),
        discount: z.number(),
      }),
    )
    .default([]),
});

const receiptObject = z
  .looseObject({
    retailer_basket_code: z.string(),
    basket_timestamp_iso8601: z.string().nullable().optional(),
    user: z.looseObject({ member_number: z.string().nullable().optional() }).nullable(),
    basket_currency: z.looseObject({ currency_code: z.string() }),
    basket_items: z.array(receiptItem),
  })
  .transform((receipt, context): EngineReceipt => {
    const currency = receipt.basket_currency.currency_code;
    return {
      basketCode: receipt.retailer_basket_code,
      soldAt: instantOf(receipt.basket_timestamp_iso8601),
      memberNumber: receipt.user?.member_number ?? null,
      currency,
      lines: receipt.basket_items.map((item, index) => {
        const at = ['basket_items', index];
        return {
          lineId: item.retailer_item_code,
          barcode: item.item_barcode ?? '',
          name: item.item_name ?? '',
          quantity: item.item_quantity,
          unitPrice: minorAmount(item.item_unit_price, currency, context, [
            ...at,
            'item_unit_price',
          ]),
          returned: item.item_returned_quantity,
          shares: item.item_voucher_shares.map((share, position) => ({
            voucherKey: share.voucher_key,
            code: share.voucher_code ?? null,
            discount: minorAmount(share.discount, currency, context, [
              ...at,
              'item_voucher_shares',
              position,
              'discount',
            ]),
          })),
        };
      }),
    };
  });

/** get-receipts' answer for one basket code: the receipt, or null when the chain has none. */
export const oneReceiptSchema = z
  .looseObject({ receipts: z.array(receiptObject).max(1) })
  .transform((results) => results.receipts[0] ?? null);
