import { describe, expect, it } from 'vitest';
import {
  addItem,
  addVoucherCode,
  emptied,
  keepForLater,
  newSale,
  setCustomer,
  stopKeepingForLater,
} from '../sale/sale-state';
import { addBasketRequest, basketPriceRequest } from './basket-request';

const coffee = {
  barcode: '8710000000017',
  name: 'Coffee beans 1 kg',
  unitPrice: 1899,
  excluded: false,
};

const TILL = {
  chainId: 1,
  storeCode: 'S001',
  terminalId: '01',
  currency: 'EUR',
  timezone: 'Europe/Amsterdam',
};

describe('the Spaaza basket of a sale', () => {
  it('becomes a Spaaza basket locked exclusively to its code, amounts in major units', () => {
    const sale = addVoucherCode(
      setCustomer(addItem(newSale('s1', 'S001-01-20261123-0002'), coffee), '1000001'),
      'HONOUR-COFFEE-0001',
    );
    const request = basketPriceRequest(sale, TILL);
    expect(request).toMatchObject({
      entity: { entity_type: 'chain', entity_id: 1, branch_business_owner_code: 'S001' },
      user: { member_number: '1000001' },
      basket: {
        retailer_basket_code: 'S001-01-20261123-0002',
        basket_voucher_lock_exclusively: true,
        basket_items: [
          {
            retailer_item_code: 'line_1',
            item_barcode: coffee.barcode,
            item_quantity: 1,
            item_price: 18.99,
          },
        ],
        basket_vouchers: [{ voucher_code: 'HONOUR-COFFEE-0001' }],
      },
    });
    const voided = basketPriceRequest(emptied(sale), TILL);
    expect(voided).not.toHaveProperty('user');
    expect(voided.basket).toMatchObject({ basket_items: [], basket_vouchers: [] });
  });

  it('confirms at the shelf price on every line, and says in the basket total what the customer paid', () => {
    const sale = addItem(addItem(newSale('s1', 'S001-01-20261123-0003'), coffee), coffee);
    // 2 × 18.99 less a €5.00 voucher
    const request = addBasketRequest(sale, TILL, ['KEY-5EUR'], Date.UTC(2026, 10, 23), 3298);
    expect(request.basket).toMatchObject({
      basket_total_price: 32.98,
      basket_vouchers: [{ voucher_key: 'KEY-5EUR' }],
    });
    expect(request.basket.basket_items).toMatchObject([
      { item_quantity: 2, item_price: 18.99, item_original_price: 18.99 },
    ]);
    expect(request.basket.basket_items[0]).not.toHaveProperty('item_subtotal');
    const unpaid = addBasketRequest(sale, TILL, [], Date.UTC(2026, 10, 23));
    expect(unpaid.basket).not.toHaveProperty('basket_total_price');
  });

  it('names the vouchers the customer keeps for later, in the pricing and the add-basket, until undone or the customer changes', () => {
    const till = DEMO_TILL;
    const member = setCustomer(addItem(newSale('s1', 'S001-01-20261123-0003'), coffee), '1000001');
    const fiver = { voucherKey: 'a'.repeat(64), code: 'DEMO-5EUR', title: '€5.00 off' };
    const kept = keepForLater(keepForLater(member, fiver), fiver);
    const wanted = [{ voucher_key: fiver.voucherKey }];
    expect(basketPriceRequest(kept, till).basket.basket_vouchers_kept_for_later).toEqual(wanted);
    expect(
      addBasketRequest(kept, till, [], Date.parse('2026-11-23T10:00:00Z')).basket
        .basket_vouchers_kept_for_later,
    ).toEqual(wanted);
    // undone, or another customer: nothing is kept back
    expect(
      basketPriceRequest(stopKeepingForLater(kept, fiver.voucherKey), till).basket,
    ).not.toHaveProperty('basket_vouchers_kept_for_later');
    expect(basketPriceRequest(setCustomer(kept, '1000002'), till).basket).not.toHaveProperty(
      'basket_vouchers_kept_for_later',
    );
  });

  it('marks a training sale as a training basket, on a pricing and on an add-basket sent by mistake', () => {
    const practice = addItem(newSale('s1', 'S001-01-TRAINING-0001', true), coffee);
    expect(basketPriceRequest(practice, TILL).basket).toMatchObject({ basket_training: true });
    expect(basketPriceRequest(emptied(practice), TILL).basket).toMatchObject({
      basket_training: true,
    });
    expect(addBasketRequest(practice, TILL, [], Date.UTC(2026, 10, 23)).basket).toMatchObject({
      basket_training: true,
    });
    const real = addItem(newSale('s2', 'S001-01-20261123-0004'), coffee);
    expect(basketPriceRequest(real, TILL).basket).not.toHaveProperty('basket_training');
  });
});

const DEMO_TILL = {
  chainId: 1,
  storeCode: 'S001',
  terminalId: '01',
  currency: 'EUR',
  timezone: 'Europe/Amsterdam',
};

describe('a weighed line on the wire', () => {
  it('carries its decimal weight as item_quantity, in kg', () => {
    const bananas = { ...coffee, barcode: '8712345000172', unit: 'kg' as const, unitPrice: 199 };
    const sale = addItem(addItem(newSale('s1', 'S001-01-20261123-0003'), coffee), bananas, 0.785);
    const items = basketPriceRequest(sale, DEMO_TILL).basket.basket_items;
    expect(
      items.map((item) => [item.item_quantity, item.item_quantity_unit, item.item_price]),
    ).toEqual([
      [1, undefined, 18.99],
      [0.785, 'kg', 1.99],
    ]);
  });
});
