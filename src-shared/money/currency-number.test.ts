import { describe, expect, it } from 'vitest';
import { SUPPORTED_CURRENCIES } from './currency';
import { currencyNumber, currencySymbol } from './currency-number';

describe('currencyNumber', () => {
  it('gives the ISO 4217 number of well-known currencies', () => {
    expect(currencyNumber('EUR')).toBe(978);
    expect(currencyNumber('USD')).toBe(840);
    expect(currencyNumber('JPY')).toBe(392);
    expect(currencyNumber('ALL')).toBe(8);
  });

  it('knows a distinct number for every supported currency', () => {
    const all = SUPPORTED_CURRENCIES.map(currencyNumber);
    expect(all.every((number) => Number.isInteger(number) && number > 0 && number < 1000)).toBe(
      true,
    );
    expect(new Set(all).size).toBe(SUPPORTED_CURRENCIES.length);
  });

  it('refuses a code it does not know', () => {
    expect(() => currencyNumber('XAU')).toThrow(RangeError);
  });
});

describe('currencySymbol', () => {
  it('gives the sign written beside an amount', () => {
    expect(currencySymbol('EUR')).toBe('€');
    expect(currencySymbol('GBP')).toBe('£');
  });
});
