import { describe, expect, it } from 'vitest';
import { addBasketResultsSchema, getBasketPriceResultsSchema } from './basket-response';
import { fromSpaazaDateTime, toSpaazaDateTime } from './datetime';
import { errorEnvelopeSchema, okEnvelopeSchema, responseSchema } from './envelope';
import { parseWith } from '../validation/parse';
import { honourSyncResultsSchema } from './sync';

const KEY_A = 'a'.repeat(64);
const KEY_H = 'c'.repeat(64);

const appliedFiver = {
  voucher_key: KEY_A,
  voucher_id: 11,
  voucher_type: 'basket',
  voucher_status: 'claimed',
  voucher_locked: true,
  voucher_locked_until: '2026-11-23 14:05:00',
  voucher_retailer_basket_code_exclusive: 'S001-01-20261123-0001',
  voucher_amount: 5,
  voucher_applied_amount: 5,
  voucher_amount_remaining: 0,
  campaign_id: 1,
  some_future_field: { nested: true },
};

const pricedBasket = {
  chain_id: 1,
  retailer_basket_code: 'S001-01-20261123-0001',
  basket_currency: { currency_code: 'EUR' },
  basket_total_price: 20,
  basket_total_discount: 5,
  basket_total_adjusted_price: 15,
  basket_items: [
    {
      retailer_item_code: 'line_1',
      item_quantity: 1,
      item_price: 20,
      item_adjusted_price: 15,
      item_adjusted_subtotal: 15,
      item_discount: 5,
      item_vouchers: [{ voucher_key: KEY_A, discount: 5 }],
    },
  ],
  basket_vouchers: [
    appliedFiver,
    {
      voucher_key: KEY_H,
      voucher_type: 'honour',
      voucher_status: 'claimed',
      voucher_locked: false,
      voucher_honour_code: 'FREE-COFFEE',
      voucher_applied_amount: 0,
      voucher_amount_remaining: 0,
    },
  ],
};

describe('responses with our wire additions', () => {
  it('a get-basket-price answer with an applied, a locked and an honour voucher', () => {
    const body = {
      result: { code: 1, status: 'ok' },
      results: { user: { member_number: '1000001' }, basket: pricedBasket },
      warnings: [
        {
          code: 1104,
          name: 'voucher_locked',
          description: 'This voucher is held for another sale.',
          message: { key: 'b'.repeat(64), locked_until: '2026-11-23 14:05:00' },
        },
      ],
    };
    const parsed = parseWith(okEnvelopeSchema(getBasketPriceResultsSchema), body);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value.results.basket.basket_vouchers[0]).toMatchObject({
      some_future_field: { nested: true },
    });
    expect(parsed.ok && parsed.value.warnings?.[0]?.message?.locked_until).toBe(
      '2026-11-23 14:05:00',
    );
  });

  it('an add-basket answer, replayed or not', () => {
    const results = {
      basket: { ...pricedBasket, basket_id: 901 },
      vouchers_redeemed: [appliedFiver],
      vouchers_created: [],
      replayed: true,
    };
    expect(parseWith(addBasketResultsSchema, results).ok).toBe(true);
    const parsed = parseWith(addBasketResultsSchema, { ...results, replayed: 'yes' });
    expect(!parsed.ok && parsed.error.map((issue) => issue.path)).toEqual(['replayed']);
  });

  it('names a wrong type deep inside a response', () => {
    const broken = {
      ...pricedBasket,
      basket_items: [{ ...pricedBasket.basket_items[0], item_discount: '5' }],
    };
    const parsed = parseWith(getBasketPriceResultsSchema, { basket: broken });
    expect(!parsed.ok && parsed.error.map((issue) => issue.path)).toEqual([
      'basket.basket_items[0].item_discount',
    ]);
  });

  it('the honour-voucher change feed', () => {
    const page = {
      changes: [{ rev: 7, voucher: { ...appliedFiver, voucher_type: 'honour' }, removed: false }],
      next_cursor: 7,
      has_more: false,
    };
    expect(parseWith(honourSyncResultsSchema, page).ok).toBe(true);
    expect(parseWith(honourSyncResultsSchema, { ...page, next_cursor: -1 }).ok).toBe(false);
  });
});

describe('the envelope', () => {
  it('an error has a singular error object', () => {
    const body = {
      result: { code: 2, status: 'error' },
      error: { code: 6, name: 'no_valid_session', description: 'Log in first.' },
    };
    expect(parseWith(errorEnvelopeSchema, body).ok).toBe(true);
    const either = parseWith(responseSchema(getBasketPriceResultsSchema), body);
    expect(either.ok && either.value).toMatchObject({ error: { name: 'no_valid_session' } });
  });

  it('refuses a success without results', () => {
    expect(
      parseWith(okEnvelopeSchema(getBasketPriceResultsSchema), {
        result: { code: 1, status: 'ok' },
      }).ok,
    ).toBe(false);
  });
});

describe('Spaaza date-times', () => {
  it('round-trip at second precision, in UTC', () => {
    const instant = Date.UTC(2026, 10, 23, 14, 5, 0);
    expect(toSpaazaDateTime(instant + 999)).toBe('2026-11-23 14:05:00');
    expect(fromSpaazaDateTime('2026-11-23 14:05:00')).toBe(instant);
  });

  it('refuse impossible dates and other formats', () => {
    expect(fromSpaazaDateTime('2026-02-30 10:00:00')).toBeNull();
    expect(fromSpaazaDateTime('2026-11-23T14:05:00Z')).toBeNull();
  });
});
