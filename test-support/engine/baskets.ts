import { isRecord } from './client';

/** Builders of basket requests for the demo chain (chain 1, store S001, EUR). */
export const item = (
  code: string,
  price: number,
  quantity = 1,
  extra: Record<string, unknown> = {},
) => ({
  retailer_item_code: code,
  item_barcode: '8710000000001',
  item_quantity: quantity,
  item_price: price,
  ...extra,
});

export function basketRequest(
  code: string,
  items: unknown[],
  options: { member?: string | null; vouchers?: unknown[]; extra?: Record<string, unknown> } = {},
) {
  const member = options.member === undefined ? '1000001' : options.member;
  return {
    entity: { entity_type: 'chain', entity_id: 1, branch_business_owner_code: 'S001' },
    ...(member === null ? {} : { user: { member_programme: 'spaaza', member_number: member } }),
    basket: {
      basket_platform_type: 'in_store',
      retailer_basket_code: code,
      basket_currency: { currency_code: 'EUR' },
      basket_voucher_lock_exclusively: true,
      basket_items: items,
      ...(options.vouchers ? { basket_vouchers: options.vouchers } : {}),
      ...options.extra,
    },
  };
}

/** `results.basket.basket_vouchers[].voucher_key` of an answer. */
export function appliedKeys(body: Record<string, unknown>): string[] {
  const results = body.results;
  const basket = isRecord(results) ? results.basket : undefined;
  const vouchers =
    isRecord(basket) && Array.isArray(basket.basket_vouchers) ? basket.basket_vouchers : [];
  return vouchers.flatMap((voucher: unknown) =>
    isRecord(voucher) && typeof voucher.voucher_key === 'string' ? [voucher.voucher_key] : [],
  );
}

export function warningNames(body: Record<string, unknown>): string[] {
  const warnings = Array.isArray(body.warnings) ? body.warnings : [];
  return warnings.flatMap((warning: unknown) =>
    isRecord(warning) && typeof warning.name === 'string' ? [warning.name] : [],
  );
}
