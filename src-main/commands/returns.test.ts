import { describe, expect, it } from 'vitest';
import { vouchersBackFor } from './returns';

describe('vouchersBackFor', () => {
  // the coffee of the demo sale: 1.49 of the 10 % voucher and 3.41 of the €5.00 voucher
  const shares = [{ discount: 149 }, { discount: 341 }];

  it('gives back every share stored at the sale for the whole quantity', () => {
    expect(vouchersBackFor(shares, 1, 1)).toBe(490);
  });

  it('rounds each share once for a part, as the engine rounds each voucher it issues', () => {
    // 149 / 3 = 49.67 → 50; 341 / 3 = 113.67 → 114: 164, where one rounding of 490 / 3 gives 163
    expect(vouchersBackFor(shares, 1, 3)).toBe(164);
    expect(vouchersBackFor(shares, 1.5, 2)).toBe(112 + 256);
  });

  it('is nothing for a line no voucher discounted', () => {
    expect(vouchersBackFor([], 1, 2)).toBe(0);
  });
});
