/** The request examples of Spaaza's published API documentation, verbatim in content. */

export function getBasketPriceExample() {
  return {
    entity: {
      entity_type: 'chain',
      entity_id: 1743,
      branch_business_owner_code: '0965',
      employee_code: '0012089',
      employee_name: 'J. SMITH',
    },
    user: { member_programme: 'spaaza', member_number: '3360056' },
    basket: {
      basket_platform_type: 'in_store',
      retailer_basket_code: 'TILL07-20240928-000123',
      basket_total_price: 210.0,
      basket_timestamp_iso8601: '2024-09-28T14:07:14Z',
      basket_timezone_name: 'Europe/Amsterdam',
      shipping_charge: 0,
      payment_methods: [],
      basket_currency: { currency_code: 'EUR' },
      basket_tax: [{ tax_rate: 0.21, tax_total: 36.45 }],
      basket_items: [
        {
          retailer_item_code: 'line_1',
          item_barcode: '8755065949331',
          item_type: 'product',
          item_quantity: 10.5,
          item_quantity_unit: 'kg',
          item_price: 20.0,
          item_original_price: 20.0,
          item_subtotal: 210.0,
        },
      ],
    },
  };
}

export function addBasketMinimumExample() {
  return {
    entity: { entity_type: 'chain', entity_id: 1743 },
    user: { member_programme: 'Spaaza', member_number: '3360056' },
    basket: {
      basket_platform_type: 'in_store',
      retailer_basket_code: 'TILL07-000124',
      basket_total_price: 20.5,
      basket_currency: { currency_code: 'EUR' },
      basket_items: [
        {
          item_barcode: '8718299435640',
          item_quantity: 1,
          item_price: 20.5,
          item_original_price: 20.5,
        },
      ],
      basket_vouchers: [{ voucher_key: 'cebe62'.padEnd(60, '0') + 'a071' }],
    },
  };
}

export function inlineReturnExample() {
  return {
    entity: { entity_type: 'chain', entity_id: 1743 },
    basket: {
      basket_platform_type: 'in_store',
      retailer_basket_code: '20210428-test-0022',
      basket_total_price: -20.0,
      basket_tax: [{ tax_rate: 0.21, tax_total: -2.1 }],
      basket_items: [
        {
          retailer_item_code: '1',
          item_barcode: '8718299435640',
          item_quantity: 2,
          item_price: -10.0,
          item_original_price: -10.0,
          return_item: true,
          original_retailer_basket_code: '20210428-test-0021',
          original_retailer_item_code: 'line_item_01',
        },
      ],
    },
  };
}
