import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, loginAs, type Session } from './client';
import { describeEachDatabase, startTestEngine, type TestEngine } from './harness';

const item = (code: string, price: number, quantity = 1) => ({
  retailer_item_code: code,
  item_barcode: `87100000000${code.length}`,
  item_quantity: quantity,
  item_price: price,
});

function basket(code: string, items: unknown[], extra: Record<string, unknown> = {}) {
  return {
    entity: { entity_type: 'chain', entity_id: 1, branch_business_owner_code: 'S001' },
    user: { member_programme: 'spaaza', member_number: '1000001' },
    basket: {
      basket_platform_type: 'in_store',
      retailer_basket_code: code,
      basket_currency: { currency_code: 'EUR' },
      basket_voucher_lock_exclusively: true,
      basket_items: items,
      ...extra,
    },
  };
}

describeEachDatabase('get-basket-price and add-basket', (database) => {
  let engine: TestEngine;
  let till: Session;

  beforeAll(async () => {
    engine = await startTestEngine(database, { demo: true });
    till = await loginAs(engine.url, 'till-s001-01', 'demo-till');
  });
  afterAll(async () => engine.close());

  it('prices member 1000001’s basket with both vouchers, percentage first, and locks them to the basket', async () => {
    const answer = await call(engine.url, '/auth/get-basket-price', {
      json: basket('S001-01-20261123-0001', [item('line_1', 20), item('line_2', 30)]),
      session: till,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      result: { code: 1, status: 'ok' },
      results: {
        basket: {
          basket_total_price: 50,
          basket_total_discount: 10, // 10 % of €50.00 = €5.00, then €5.00
          basket_total_adjusted_price: 40,
          basket_items: [
            { retailer_item_code: 'line_1', item_discount: 4, item_adjusted_subtotal: 16 },
            { retailer_item_code: 'line_2', item_discount: 6, item_adjusted_subtotal: 24 },
          ],
          basket_vouchers: [
            {
              voucher_type: 'basket_pct',
              voucher_applied_amount: 5,
              voucher_locked: true,
              voucher_retailer_basket_code_exclusive: 'S001-01-20261123-0001',
            },
            {
              voucher_type: 'basket',
              voucher_applied_amount: 5,
              voucher_amount_remaining: 0,
              voucher_locked: true,
            },
          ],
        },
      },
    });
  });
});
