import type { AddBasketRequest } from '../../src-shared/wire';

/** The demo chain of `--demo`: chain 1, store S001, EUR; its terminal and manager accounts. */
export const DEMO = {
  chainId: 1,
  storeCode: 'S001',
  member: '1000001',
  terminal: { username: 'till-s001-01', password: 'demo-till' },
  manager: { username: 'manager-s001', password: 'demo-manager' },
} as const;

/** A basket for the demo member, locked exclusively as the till always does; valid for both calls. */
export function demoBasket(
  code: string,
  options: { member?: string | null; voucherCodes?: string[] } = {},
): AddBasketRequest {
  const member = options.member === undefined ? DEMO.member : options.member;
  return {
    entity: { entity_type: 'chain', entity_id: DEMO.chainId, branch_business_owner_code: 'S001' },
    ...(member === null ? {} : { user: { member_programme: 'spaaza', member_number: member } }),
    basket: {
      basket_platform_type: 'in_store',
      retailer_basket_code: code,
      basket_currency: { currency_code: 'EUR' },
      basket_voucher_lock_exclusively: true,
      basket_items: [
        {
          retailer_item_code: 'line-1',
          item_barcode: '8710000000017',
          item_quantity: 2,
          item_price: 20,
        },
      ],
      ...(options.voucherCodes
        ? { basket_vouchers: options.voucherCodes.map((voucher_code) => ({ voucher_code })) }
        : {}),
    },
  };
}
