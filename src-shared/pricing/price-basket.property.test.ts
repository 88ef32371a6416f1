import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiplyMinor } from '../money/rounding';
import { parseDecimal } from '../money/decimal';
import { T0 } from '../../test-support/shared/vouchers';
import type { Voucher } from '../vouchers/voucher';
import { priceBasket } from './price-basket';
import type { BasketLine } from './types';

const RUNS = { numRuns: 1000 };

const quantity = fc.oneof(
  fc.integer({ min: 1, max: 20 }),
  fc.integer({ min: 1, max: 20_000 }).map((grams) => grams / 1000),
);

const lineKind = fc.constantFrom('sale', 'sale', 'sale', 'excluded', 'return');

const lines = (kinds = lineKind) =>
  fc
    .array(fc.tuple(kinds, quantity, fc.integer({ min: 0, max: 50_000 })), {
      minLength: 1,
      maxLength: 25,
    })
    .map((rows) =>
      rows.map(([kind, qty, price], index): BasketLine => ({
        id: `line-${index.toString().padStart(3, '0')}`,
        quantity: qty,
        unitPrice: kind === 'return' ? -price : price,
        excluded: kind === 'excluded',
        returnItem: kind === 'return',
      })),
    );

const saleLines = lines(fc.constantFrom('sale', 'sale', 'excluded'));

const voucher = (index: number) =>
  fc
    .record({
      kind: fc.constantFrom('basket', 'basket_pct', 'honour'),
      amount: fc.integer({ min: 1, max: 100_000 }),
      ratio: fc.oneof(
        fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
        fc.integer({ min: 1, max: 1_000_000 }).map((p) => p / 1_000_000),
      ),
      age: fc.integer({ min: 0, max: 5 }),
      exclusive: fc.boolean().map((b) => b && index % 4 === 0),
    })
    .map(({ kind, amount, ratio, age, exclusive }): Voucher => {
      const common = {
        key: index.toString(16).padStart(64, '0'),
        code: `CODE-${index}`,
        campaignId: 1,
        exclusive,
        ownerMemberNumber: null,
        createdAt: T0 - age * 1000,
        claimedAt: T0 - 1,
        validatedAt: null,
        burnedAt: null,
        expiresAt: null,
        deletedAt: null,
        lock: null,
      };
      if (kind === 'basket') return { ...common, type: 'basket', amount, currency: 'EUR' };
      if (kind === 'basket_pct') return { ...common, type: 'basket_pct', ratio };
      return { ...common, type: 'honour', honourCode: 'FREE-COFFEE' };
    });

const vouchers = fc
  .integer({ min: 0, max: 8 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => voucher(index))));

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('priceBasket properties', () => {
  it('each voucher’s shares add up exactly to its discount', () => {
    fc.assert(
      fc.property(lines(), vouchers, (basket, held) => {
        const priced = priceBasket(basket, held, T0);
        for (const applied of priced.applied) {
          const shares = priced.lines
            .flatMap((l) => l.shares)
            .filter((s) => s.voucherKey === applied.voucher.key);
          expect(sum(shares.map((s) => s.discount))).toBe(applied.discount);
        }
        for (const pricedLine of priced.lines) {
          expect(sum(pricedLine.shares.map((s) => s.discount))).toBe(pricedLine.discount);
        }
      }),
      RUNS,
    );
  });

  it('no line and no total goes below zero through a discount', () => {
    fc.assert(
      fc.property(lines(), vouchers, (basket, held) => {
        const priced = priceBasket(basket, held, T0);
        for (const pricedLine of priced.lines) {
          if (pricedLine.discountable) expect(pricedLine.net).toBeGreaterThanOrEqual(0);
          else expect(pricedLine.net).toBe(pricedLine.gross);
        }
      }),
      RUNS,
    );
    fc.assert(
      fc.property(saleLines, vouchers, (basket, held) => {
        const { totals } = priceBasket(basket, held, T0);
        expect(totals.net).toBeGreaterThanOrEqual(0);
        expect(totals.net).toBeGreaterThanOrEqual(totals.gross - totals.discountable);
      }),
      RUNS,
    );
  });

  it('the total discount never exceeds the discountable total', () => {
    fc.assert(
      fc.property(lines(), vouchers, (basket, held) => {
        const { totals } = priceBasket(basket, held, T0);
        expect(totals.discount).toBeGreaterThanOrEqual(0);
        expect(totals.discount).toBeLessThanOrEqual(totals.discountable);
      }),
      RUNS,
    );
  });

  it('permuting the lines or the vouchers changes no total and no line', () => {
    fc.assert(
      fc.property(
        lines().chain((basket) =>
          fc.tuple(fc.constant(basket), fc.shuffledSubarray(basket, { minLength: basket.length })),
        ),
        vouchers.chain((held) =>
          fc.tuple(fc.constant(held), fc.shuffledSubarray(held, { minLength: held.length })),
        ),
        ([basket, shuffledBasket], [held, shuffledHeld]) => {
          const a = priceBasket(basket, held, T0);
          const b = priceBasket(shuffledBasket, shuffledHeld, T0);
          expect(b.totals).toEqual(a.totals);
          const byId = (priced: typeof a) => Object.fromEntries(priced.lines.map((l) => [l.id, l]));
          expect(byId(b)).toEqual(byId(a));
          expect(b.applied).toEqual(a.applied);
        },
      ),
      RUNS,
    );
  });

  it('percentage-then-fixed never gives the customer less than fixed-then-percentage', () => {
    fc.assert(
      fc.property(saleLines, vouchers, (basket, held) => {
        const monetary = held
          .filter((v) => v.type !== 'honour')
          .map((v) => ({ ...v, exclusive: false }));
        const priced = priceBasket(basket, monetary, T0);
        // the same vouchers in the same order within each type; only the two phases swap
        const inOrder = priced.applied.map((applied) => applied.voucher);
        expect(priced.totals.discount).toBeGreaterThanOrEqual(
          fixedThenPercentDiscount(priced.totals.discountable, inOrder),
        );
      }),
      RUNS,
    );
  });

  it('pricing twice gives the same result', () => {
    fc.assert(
      fc.property(lines(), vouchers, (basket, held) => {
        expect(priceBasket(basket, held, T0)).toEqual(priceBasket(basket, held, T0));
      }),
      RUNS,
    );
  });

  it('leaves its inputs untouched', () => {
    fc.assert(
      fc.property(lines(), vouchers, (basket, held) => {
        const before = structuredClone({ basket, held });
        priceBasket(deepFreeze(basket), deepFreeze(held), T0);
        expect({ basket, held }).toEqual(before);
      }),
      RUNS,
    );
  });
});

/** The other order, computed on totals, as the comparison in the property above. */
function fixedThenPercentDiscount(total: number, held: readonly Voucher[]): number {
  let running = total;
  for (const v of held) if (v.type === 'basket') running -= Math.min(v.amount, running);
  for (const v of held) {
    if (v.type !== 'basket_pct') continue;
    const ratio = parseDecimal(v.ratio);
    if (!ratio.ok) throw new Error('bad ratio in test data');
    running -= multiplyMinor(running, ratio.value);
  }
  return total - running;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
