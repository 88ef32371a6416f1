import { describe, expect, it } from 'vitest';
import { addBasketRequestSchema, getBasketPriceRequestSchema } from './basket-request';
import { basketFromWire } from './basket-to-domain';
import {
  addBasketMinimumExample,
  getBasketPriceExample,
  inlineReturnExample,
} from '../../test-support/shared/wire-examples';
import { describeIssues } from '../validation/issues';
import { parseWith } from '../validation/parse';

type Body = Record<string, unknown>;

/** A copy with the value at a dotted path such as "basket.basket_items.0.item_price" replaced (undefined removes it). */
function breakField(body: object, path: string, value: unknown): Body {
  const result = setAt(body, path.split('.'), value);
  return isBody(result) ? result : {};
}

function setAt(node: unknown, [head = '', ...rest]: string[], value: unknown): unknown {
  const inner: unknown = isBody(node) ? node[head] : undefined;
  const replacement = rest.length === 0 ? value : setAt(inner, rest, value);
  if (Array.isArray(node))
    return node.map((item: unknown, index) => (index === Number(head) ? replacement : item));
  const entries = Object.entries(isBody(node) ? node : {}).filter(([key]) => key !== head);
  return Object.fromEntries(
    replacement === undefined ? entries : [...entries, [head, replacement]],
  );
}

function isBody(value: unknown): value is Body {
  return typeof value === 'object' && value !== null;
}

describe('the reference’s request examples', () => {
  it('get-basket-price is accepted', () => {
    expect(parseWith(getBasketPriceRequestSchema, getBasketPriceExample()).ok).toBe(true);
  });

  it('add-basket minimum is accepted', () => {
    expect(parseWith(addBasketRequestSchema, addBasketMinimumExample()).ok).toBe(true);
  });

  it('add-basket with an inline return is accepted', () => {
    expect(parseWith(addBasketRequestSchema, inlineReturnExample()).ok).toBe(true);
  });

  it('fields the reference does not know are tolerated and kept', () => {
    const body = breakField(getBasketPriceExample(), 'basket.loyalty_tier_hint', 'gold');
    const parsed = parseWith(getBasketPriceRequestSchema, body);
    expect(parsed.ok && parsed.value.basket).toMatchObject({ loyalty_tier_hint: 'gold' });
  });
});

describe('one broken field is refused by name', () => {
  const cases: [string, () => Body, string, unknown][] = [
    ['get-basket-price', getBasketPriceExample, 'entity.entity_id', 'chain 1743'],
    ['get-basket-price', getBasketPriceExample, 'entity.entity_type', 'store'],
    ['get-basket-price', getBasketPriceExample, 'user.member_number', 3360056],
    ['get-basket-price', getBasketPriceExample, 'basket.basket_items.0.item_quantity', 'ten'],
    ['get-basket-price', getBasketPriceExample, 'basket.basket_items.0.item_quantity', -1],
    ['get-basket-price', getBasketPriceExample, 'basket.basket_items.0.item_price', '20,00'],
    ['get-basket-price', getBasketPriceExample, 'basket.basket_currency.currency_code', 'EURO'],
    ['get-basket-price', getBasketPriceExample, 'basket.basket_timestamp_iso8601', 'yesterday'],
    ['get-basket-price', getBasketPriceExample, 'basket.basket_tax.0.tax_rate', -0.21],
    ['get-basket-price', getBasketPriceExample, 'basket.basket_items', undefined],
    ['add-basket', addBasketMinimumExample, 'basket.retailer_basket_code', undefined],
    ['add-basket', addBasketMinimumExample, 'basket.basket_vouchers.0.voucher_key', 'not-hex'],
    ['add-basket', addBasketMinimumExample, 'basket.basket_total_price', null],
    ['add-basket', addBasketMinimumExample, 'entity', undefined],
    ['inline return', inlineReturnExample, 'basket.basket_items.0.item_price', 10],
    ['inline return', inlineReturnExample, 'basket.basket_items.0.return_item', 'yes'],
    [
      'inline return',
      inlineReturnExample,
      'basket.basket_items.0.original_retailer_basket_code',
      7,
    ],
  ];

  it.each(cases)('%s with %s = %j', (name, example, path, value) => {
    const schema =
      name === 'get-basket-price' ? getBasketPriceRequestSchema : addBasketRequestSchema;
    const parsed = parseWith(schema, breakField(example(), path, value));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const wirePath = path.replace(/\.(\d+)/g, '[$1]');
    expect(parsed.error.map((issue) => issue.path)).toEqual([wirePath]);
    expect(describeIssues(parsed.error)).toMatch(
      new RegExp(`^${wirePath.replace(/[[\]]/g, '\\$&')}: `),
    );
  });

  it('a voucher named both ways, or neither, is refused', () => {
    const both = breakField(addBasketMinimumExample(), 'basket.basket_vouchers', [
      { voucher_key: 'a'.repeat(64), voucher_code: 'PROMO-1' },
      {},
    ]);
    const parsed = parseWith(addBasketRequestSchema, both);
    expect(!parsed.ok && parsed.error.map((issue) => issue.path)).toEqual([
      'basket.basket_vouchers[0]',
      'basket.basket_vouchers[1]',
    ]);
  });

  it('1e400 in a body becomes Infinity and is refused', () => {
    const body: unknown = JSON.parse(
      JSON.stringify(addBasketMinimumExample()).replace('"item_price":20.5', '"item_price":1e400'),
    );
    const parsed = parseWith(addBasketRequestSchema, body);
    expect(!parsed.ok && parsed.error.map((issue) => issue.path)).toEqual([
      'basket.basket_items[0].item_price',
    ]);
  });
});

describe('basketFromWire', () => {
  it('converts the lines to minor units', () => {
    const parsed = parseWith(getBasketPriceRequestSchema, getBasketPriceExample());
    if (!parsed.ok) throw new Error(describeIssues(parsed.error));
    const figures = basketFromWire(parsed.value.basket, 'EUR');
    expect(figures.ok && figures.value.lines).toEqual([
      { id: 'line_1', quantity: 10.5, unitPrice: 2000, excluded: false, returnItem: false },
    ]);
  });

  it('prices from item_original_price and keeps item_price as what was charged', () => {
    const parsed = parseWith(getBasketPriceRequestSchema, getBasketPriceExample());
    if (!parsed.ok) throw new Error(describeIssues(parsed.error));
    const [item] = parsed.value.basket.basket_items;
    if (!item) throw new Error('the example has a line');
    const basket = {
      ...parsed.value.basket,
      basket_total_price: 75,
      basket_items: [
        { ...item, item_quantity: 5, item_price: 15, item_original_price: 20, item_subtotal: 75 },
      ],
      payment_methods: [{ payment_method: 'cash', payment_amount: 75 }],
    };
    const figures = basketFromWire(basket, 'EUR');
    expect(figures.ok && figures.value).toMatchObject({
      lines: [{ id: 'line_1', quantity: 5, unitPrice: 2000 }],
      charged: {
        lines: [{ id: 'line_1', quantity: 5, unitPrice: 1500, subtotal: 7500 }],
        total: 7500,
        shipping: 0,
      },
      payments: [{ method: 'cash', amount: 7500 }],
    });
  });

  it('numbers lines without a code and marks returns', () => {
    const parsed = parseWith(addBasketRequestSchema, inlineReturnExample());
    if (!parsed.ok) throw new Error(describeIssues(parsed.error));
    const lines = basketFromWire(parsed.value.basket, 'EUR');
    expect(lines.ok && lines.value.lines).toEqual([
      { id: '1', quantity: 2, unitPrice: -1000, excluded: false, returnItem: true },
    ]);
  });

  it('names every amount with too many decimals for the currency, and duplicate line codes', () => {
    const example = getBasketPriceExample();
    const [item] = example.basket.basket_items;
    let body = breakField(example, 'basket.basket_tax.0.tax_total', 36.455);
    body = breakField(body, 'basket.basket_items', [
      item,
      { ...item, item_price: 0.001, item_subtotal: 0.0105 },
    ]);
    const parsed = parseWith(getBasketPriceRequestSchema, body);
    if (!parsed.ok) throw new Error(describeIssues(parsed.error));
    const lines = basketFromWire(parsed.value.basket, 'EUR');
    expect(!lines.ok && lines.error.map((issue) => issue.path)).toEqual([
      'basket.basket_tax[0].tax_total',
      'basket.basket_items[1].retailer_item_code',
      'basket.basket_items[1].item_subtotal',
      'basket.basket_items[1].item_price',
    ]);
    expect(!lines.ok && lines.error[3]?.message).toMatch(/EUR allows at most 2 decimals/);
  });

  it('reads yen without decimals', () => {
    const parsed = parseWith(addBasketRequestSchema, addBasketMinimumExample());
    if (!parsed.ok) throw new Error(describeIssues(parsed.error));
    const lines = basketFromWire(parsed.value.basket, 'JPY');
    expect(!lines.ok && lines.error[0]?.message).toMatch(/JPY allows no decimals/);
  });

  it('refuses a line, or lines together, beyond the largest amount the answer can carry', () => {
    const example = getBasketPriceExample();
    const [item] = example.basket.basket_items;
    const linesOf = (items: unknown[]) => {
      const parsed = parseWith(
        getBasketPriceRequestSchema,
        breakField(example, 'basket.basket_items', items),
      );
      if (!parsed.ok) throw new Error(describeIssues(parsed.error));
      return basketFromWire(parsed.value.basket, 'EUR');
    };
    const huge = { ...item, item_price: 9_000_000_000_000, item_quantity: 1 };
    expect(linesOf([{ ...huge, item_quantity: 2 }])).toEqual({
      ok: false,
      error: [
        {
          path: 'basket.basket_items[0].item_price',
          message: 'times item_quantity is beyond the largest supported amount',
        },
      ],
    });
    const returned = {
      ...huge,
      retailer_item_code: 'back',
      item_price: -9_000_000_000_000,
      item_original_price: -9_000_000_000_000,
      return_item: true,
    };
    expect(linesOf([huge, returned])).toEqual({
      ok: false,
      error: [
        {
          path: 'basket.basket_items',
          message: 'the lines add up to more than the largest supported amount',
        },
      ],
    });
    expect(linesOf([huge]).ok).toBe(true);
  });
});
