import { describe, expect, it } from 'vitest';
import { addItem, addVoucherCode, newSale, setCustomer } from '../sale/sale-state';
import { addBasketRequest, type TillIdentity } from './basket-request';
import { EncodedAddBasket, encodeAddBasket, readEncodedAddBasket } from './encoded-add-basket';

const TILL: TillIdentity = {
  chainId: 1,
  storeCode: 'S001',
  terminalId: '01',
  currency: 'EUR',
  timezone: 'Europe/Amsterdam',
};
const CONFIRMED_AT = Date.UTC(2026, 10, 23, 10, 0, 0);
const sale = addVoucherCode(
  setCustomer(
    addItem(newSale('S001-01-20261123-0001', 'S001-01-20261123-0001'), {
      barcode: '8712345000134',
      name: 'Croissant',
      unitPrice: 145,
      excluded: false,
    }),
    '1000001',
  ),
  'DEMO-5EUR',
);

describe('an encoded add-basket', () => {
  it('keeps the request as built, and reads back as the same basket', () => {
    const encoded = encodeAddBasket(sale, TILL, ['a'.repeat(64)], CONFIRMED_AT);
    expect(JSON.parse(encoded.text())).toEqual(
      addBasketRequest(sale, TILL, ['a'.repeat(64)], CONFIRMED_AT),
    );
    const read = readEncodedAddBasket(encoded.text());
    if (!read.ok) throw new Error(read.error);
    expect(read.value.text()).toBe(encoded.text());
    expect(read.value.basketCode).toBe('S001-01-20261123-0001');
    expect(read.value.confirmedAt).toBe(CONFIRMED_AT);
    // the sale it describes: its lines and customer (the scanned codes became voucher keys)
    expect(read.value.sale()).toEqual({ ...sale, voucherCodes: [] });
  });

  it('refuses to encode a request that breaks the wire schema', () => {
    const request = addBasketRequest(sale, TILL, [], CONFIRMED_AT);
    expect(() =>
      EncodedAddBasket.of({ ...request, entity: { ...request.entity, entity_id: -1 } }),
    ).toThrow(/invalid/);
  });

  it('says why a stored text no longer reads', () => {
    expect(readEncodedAddBasket('{"basket":')).toEqual({
      ok: false,
      error: 'the stored request is not JSON',
    });
    expect(readEncodedAddBasket('{"basket":{}}').ok).toBe(false);
  });

  it('refuses a stored price the basket’s currency cannot hold, naming the field', () => {
    const request = addBasketRequest(sale, TILL, [], CONFIRMED_AT);
    const [item] = request.basket.basket_items;
    if (!item) throw new Error('the demo sale has a line');
    const stored = {
      ...request,
      basket: { ...request.basket, basket_items: [{ ...item, item_original_price: 1.455 }] },
    };
    const read = readEncodedAddBasket(JSON.stringify(stored));
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.error).toContain('basket.basket_items[0].item_original_price');
  });
});
