import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByLargestRemainder } from './allocate';

describe('allocateByLargestRemainder', () => {
  it('splits in proportion and hands out the left-over units by largest remainder', () => {
    expect(allocateByLargestRemainder(100, [1000, 1000, 1000])).toEqual([34, 33, 33]);
    expect(allocateByLargestRemainder(100, [100, 200])).toEqual([33, 67]);
    expect(allocateByLargestRemainder(10, [0, 5, 5])).toEqual([0, 5, 5]);
    expect(allocateByLargestRemainder(0, [])).toEqual([]);
  });

  it('handles amounts whose products exceed a double’s exact range', () => {
    expect(allocateByLargestRemainder(999_999_999_999_999, [999_999_999_999_999, 1])).toEqual([
      999_999_999_999_998, 1,
    ]);
  });

  it('refuses to allocate more than the weights hold', () => {
    expect(() => allocateByLargestRemainder(11, [5, 5])).toThrow(RangeError);
    expect(() => allocateByLargestRemainder(-1, [5])).toThrow(RangeError);
  });

  it('parts add up exactly and none exceeds its weight', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 50 })
          .chain((weights) =>
            fc.tuple(
              fc.constant(weights),
              fc.integer({ min: 0, max: weights.reduce((a, b) => a + b, 0) }),
            ),
          ),
        ([weights, total]) => {
          const parts = allocateByLargestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, index) => {
            expect(part).toBeGreaterThanOrEqual(0);
            expect(part).toBeLessThanOrEqual(weights[index] ?? 0);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
