import { describe, expect, it } from 'vitest';
import { typedAmount } from './typed-amount';

describe('an amount the cashier types', () => {
  it('is read the Dutch way in nl-NL, with or without the euro sign', () => {
    expect(typedAmount('3,70', 'nl-NL', 'EUR')).toBe(370);
    expect(typedAmount('€ 3,70', 'nl-NL', 'EUR')).toBe(370);
    expect(typedAmount('1.234,50', 'nl-NL', 'EUR')).toBe(123_450);
    expect(typedAmount('14', 'nl-NL', 'EUR')).toBe(1400);
    expect(typedAmount('3.70', 'nl-NL', 'EUR')).toBe(370);
  });

  it('the English way in en-GB', () => {
    expect(typedAmount('3.70', 'en-GB', 'EUR')).toBe(370);
    expect(typedAmount('1,234.50', 'en-GB', 'EUR')).toBe(123_450);
  });

  it('is nothing when it is not an amount of the currency', () => {
    expect(typedAmount('', 'nl-NL', 'EUR')).toBeNull();
    expect(typedAmount('abc', 'nl-NL', 'EUR')).toBeNull();
    expect(typedAmount('3,705', 'nl-NL', 'EUR')).toBeNull();
    expect(typedAmount('-3,70', 'nl-NL', 'EUR')).toBeNull();
    expect(typedAmount('3,7,0', 'nl-NL', 'EUR')).toBeNull();
  });
});
