import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';
import { createEngineClient, type EngineClient } from '../../src-main/engine-client';
import { crossCheck } from '../../src-main/sale/cross-check';
import { enginePricing } from '../../src-main/sale/engine-pricing';
import {
  addItem,
  addVoucherCode,
  newSale,
  setCustomer,
  setQuantity,
  type SaleState,
} from '../../src-main/sale/sale-state';
import { saleView } from '../../src-main/sale/sale-view';

const till = {
  chainId: 1,
  storeCode: 'S001',
  terminalId: '01',
  currency: 'EUR',
  timezone: 'Europe/Amsterdam',
};
const context = { currency: 'EUR', locale: 'nl-NL', now: Date.now() };
const [coffee, cheese, giftCard, toteBag] = [
  { barcode: '8710000000017', name: 'Coffee beans 1 kg', unitPrice: 1899, excluded: false },
  { barcode: '8710000000024', name: 'Cheddar per kg', unitPrice: 2490, excluded: false },
  { barcode: '8710000000031', name: 'Gift card', unitPrice: 2500, excluded: true },
  { barcode: '8710000000048', name: 'Tote bag', unitPrice: 250, excluded: false },
] as const;
const products = [coffee, cheese, giftCard, toteBag];

describeEachDatabase('the till’s view of an engine-priced sale', (database) => {
  let engine: TestEngine;
  let client: EngineClient;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    client = createEngineClient({
      baseUrl: engine.url,
      credentials: { username: 'till-s001-01', password: 'demo-till' },
      timeoutMs: 5_000,
    });
  });
  afterAll(async () => engine.close());

  async function priceOnEngine(sale: SaleState) {
    const outcome = await client.getBasketPrice(sale, till);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return { basket: outcome.value, warnings: outcome.warnings };
  }

  it('member 1000001’s sale: the cents on screen are the engine’s, and local pricing agrees to the cent', async () => {
    let sale = newSale('s1', 'S001-01-20261123-0101');
    for (const product of products) sale = addItem(sale, product);
    sale = setQuantity(sale, 'line_2', 0.412);
    sale = addVoucherCode(setCustomer(sale, '1000001'), 'HONOUR-COFFEE-0001');
    const { basket, warnings } = await priceOnEngine(sale);
    const view = saleView(sale, enginePricing(basket, warnings), context);
    // discountable: 18.99 + 0.412 × 24.90 (= 10.26) + 2.50 = 31.75; 10 % = 3.18 (3.175 rounded away from zero), then 5.00
    expect(view.totals).toEqual({ gross: 5675, discount: 818, net: 4857 });
    expect(view.lines.map((line) => [line.name, line.discount])).toEqual([
      ['Coffee beans 1 kg', 489],
      ['Cheddar per kg', 265],
      ['Gift card', 0],
      ['Tote bag', 64],
    ]);
    expect(
      view.applied.map((voucher) => [voucher.type, voucher.discount, voucher.honourCode]),
    ).toEqual([
      ['basket_pct', 318, null],
      ['basket', 500, null],
      ['honour', 0, 'FREE-COFFEE'],
    ]);
    expect(view.applied.every((voucher) => voucher.lockedUntil !== null)).toBe(true);
    expect(crossCheck(sale, basket, view, context)).toEqual([]);
  });

  it('a voucher held by another till shows its reason in plain words and the time the hold ends', async () => {
    const other = setCustomer(addItem(newSale('s2', 'S001-02-20261123-0001'), coffee), '1000001');
    const { basket, warnings } = await priceOnEngine(other);
    const view = saleView(other, enginePricing(basket, warnings), context);
    expect(view.applied).toEqual([]);
    expect(view.rejected).toEqual([
      {
        ref: expect.any(String) as unknown,
        reason: 'voucher_locked',
        message: 'This voucher is held for another sale.',
        lockedUntil: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/) as unknown,
        words: 'voucher_locked',
        // the member's own vouchers, offered by the engine: held by terminal 01's sale
        params: {
          voucherCode: expect.any(String) as unknown,
          until: expect.any(String) as unknown,
          basketCode: expect.stringMatching(/^S001-01-/) as unknown,
          storeCode: 'S001',
          terminalId: '01',
        },
        scanned: false,
      },
      {
        ref: expect.any(String) as unknown,
        reason: 'voucher_locked',
        message: 'This voucher is held for another sale.',
        lockedUntil: expect.any(String) as unknown,
        words: 'voucher_locked',
        // the member's own vouchers, offered by the engine: held by terminal 01's sale
        params: {
          voucherCode: expect.any(String) as unknown,
          until: expect.any(String) as unknown,
          basketCode: expect.stringMatching(/^S001-01-/) as unknown,
          storeCode: 'S001',
          terminalId: '01',
        },
        scanned: false,
      },
    ]);
  });

  it('the cross-check names every cent the engine and the till disagree on', async () => {
    const sale = addItem(newSale('s3', 'S001-01-20261123-0102'), toteBag);
    const { basket, warnings } = await priceOnEngine(sale);
    const tampered = { ...basket, totals: { ...basket.totals, net: 249 } };
    const view = saleView(sale, enginePricing(tampered, warnings), context);
    expect(crossCheck(sale, tampered, view, context)).toEqual([
      { field: 'totals.net', engine: 249, local: 250 },
    ]);
  });
});
