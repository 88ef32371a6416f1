import { describe, expect, it } from 'vitest';
import { cashDue, parseTypedAmount, settleTenders, type TenderMethod } from './tender';

const METHODS: TenderMethod[] = [
  { id: 'cash', kind: 'cash', name: null },
  { id: 'card', kind: 'card', name: null },
  { id: 'giftcard', kind: 'other', name: 'Gift card' },
];

describe('settleTenders', () => {
  it('cash 20,00 for 14,75: € 5,25 change, the cash paying 14,75', () => {
    const settled = settleTenders(1475, [{ method: 'cash', amount: 2000 }], METHODS, null);
    expect(settled).toEqual({
      ok: true,
      value: {
        due: 1475,
        tenders: [
          { method: 'cash', kind: 'cash', tendered: 2000, amount: 1475, change: 525, rounding: 0 },
        ],
        remaining: 0,
        change: 525,
        covered: true,
      },
    });
  });

  it('card 10,00 then cash 4,75: covered, no change; card alone leaves 4,75 to pay', () => {
    const card = settleTenders(1475, [{ method: 'card', amount: 1000 }], METHODS, null);
    expect(card.ok && card.value).toMatchObject({ remaining: 475, covered: false, change: 0 });
    const both = settleTenders(
      1475,
      [
        { method: 'card', amount: 1000 },
        { method: 'cash', amount: 475 },
      ],
      METHODS,
      null,
    );
    expect(both.ok && both.value).toMatchObject({ remaining: 0, covered: true, change: 0 });
  });

  it('only cash gives change: a card or other tender above what is left is refused', () => {
    expect(settleTenders(1475, [{ method: 'card', amount: 1500 }], METHODS, null)).toEqual({
      ok: false,
      error: { code: 'tender_over_due', index: 0, remaining: 1475 },
    });
    expect(settleTenders(500, [{ method: 'giftcard', amount: 501 }], METHODS, null).ok).toBe(false);
  });

  it('refuses an unknown method, an amount of zero and a tender once the sale is covered', () => {
    expect(settleTenders(100, [{ method: 'cheque', amount: 100 }], METHODS, null)).toMatchObject({
      ok: false,
      error: { code: 'tender_unknown_method', method: 'cheque' },
    });
    expect(settleTenders(100, [{ method: 'cash', amount: 0 }], METHODS, null)).toMatchObject({
      ok: false,
      error: { code: 'tender_not_positive' },
    });
    expect(
      settleTenders(
        100,
        [
          { method: 'card', amount: 100 },
          { method: 'cash', amount: 5 },
        ],
        METHODS,
        null,
      ),
    ).toMatchObject({ ok: false, error: { code: 'tender_not_needed', index: 1 } });
  });

  it('rounds what is due in cash to the step: 14,73 is 14,75 in cash, the card pays it exactly', () => {
    const cash = settleTenders(1473, [{ method: 'cash', amount: 2000 }], METHODS, 5);
    expect(cash.ok && cash.value.tenders).toEqual([
      { method: 'cash', kind: 'cash', tendered: 2000, amount: 1475, change: 525, rounding: 2 },
    ]);
    const down = settleTenders(1472, [{ method: 'cash', amount: 1470 }], METHODS, 5);
    expect(down.ok && down.value).toMatchObject({ covered: true, change: 0 });
    expect(down.ok && down.value.tenders[0]?.rounding).toBe(-2);
    const card = settleTenders(1473, [{ method: 'card', amount: 1473 }], METHODS, 5);
    expect(card.ok && card.value.tenders[0]).toMatchObject({ amount: 1473, rounding: 0 });
  });

  it('a partial cash tender is not rounded: only the tender that settles the rest is', () => {
    const settled = settleTenders(
      1473,
      [
        { method: 'cash', amount: 1000 },
        { method: 'cash', amount: 500 },
      ],
      METHODS,
      5,
    );
    expect(settled.ok && settled.value).toMatchObject({ covered: true, change: 25 });
    expect(settled.ok && settled.value.tenders.map((tender) => tender.amount)).toEqual([1000, 475]);
  });

  it('a refund is paid back by one tender of exactly what is due back, no change', () => {
    const refund = settleTenders(-500, [{ method: 'card', amount: 500 }], METHODS, null);
    expect(refund.ok && refund.value).toMatchObject({ covered: true, remaining: 0, change: 0 });
    expect(refund.ok && refund.value.tenders[0]).toMatchObject({ tendered: 500, amount: -500 });
    expect(settleTenders(-500, [{ method: 'card', amount: 400 }], METHODS, null)).toMatchObject({
      ok: false,
      error: { code: 'tender_refund_mismatch', due: 500 },
    });
    expect(settleTenders(-473, [{ method: 'cash', amount: 475 }], METHODS, 5).ok).toBe(true);
    const open = settleTenders(-500, [], METHODS, null);
    expect(open.ok && open.value).toMatchObject({ covered: false, remaining: -500 });
  });

  it('nothing due is covered without a tender', () => {
    const settled = settleTenders(0, [], METHODS, null);
    expect(settled.ok && settled.value.covered).toBe(true);
  });
});

describe('cashDue', () => {
  it('rounds half away from zero to the step; no step leaves the amount', () => {
    expect([1472, 1473, 1475, 1477, 1478].map((minor) => cashDue(minor, 5))).toEqual([
      1470, 1475, 1475, 1475, 1480,
    ]);
    expect(cashDue(1473, null)).toBe(1473);
    expect(cashDue(-1473, 5)).toBe(-1475);
  });
});

describe('parseTypedAmount', () => {
  it('reads what a cashier types, with a comma or a point, in minor units', () => {
    expect(parseTypedAmount('20', 'EUR')).toBe(2000);
    expect(parseTypedAmount('4,75', 'EUR')).toBe(475);
    expect(parseTypedAmount(' 4.7 ', 'EUR')).toBe(470);
    expect(parseTypedAmount('5,', 'EUR')).toBe(500);
    expect(parseTypedAmount('500', 'JPY')).toBe(500);
  });

  it('is null for what is not a positive amount of the currency', () => {
    for (const typed of ['', 'abc', '0', '-5', '4,755', '1e3', '4,75,1'])
      expect(parseTypedAmount(typed, 'EUR'), typed).toBeNull();
    expect(parseTypedAmount('5,5', 'JPY')).toBeNull();
  });
});
