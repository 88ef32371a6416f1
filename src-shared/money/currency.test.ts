import { describe, expect, it } from 'vitest';
import { SUPPORTED_CURRENCIES, currencyExponent, isSupportedCurrency } from './currency';

describe('currencyExponent', () => {
  it.each([
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['IQD', 3],
    ['HUF', 2],
    ['CLF', 4],
  ])('%s has %i decimals (ISO 4217)', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it('knows no metals, test codes or lower-case spellings', () => {
    for (const code of ['XAU', 'XXX', 'XTS', 'eur', 'EURO', '']) {
      expect(isSupportedCurrency(code)).toBe(false);
      expect(() => currencyExponent(code)).toThrow(/unsupported currency/);
    }
  });

  it('lists only codes that Intl can format', () => {
    expect(SUPPORTED_CURRENCIES.length).toBeGreaterThan(150);
    for (const code of SUPPORTED_CURRENCIES) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect(
        () => new Intl.NumberFormat('en', { style: 'currency', currency: code }),
      ).not.toThrow();
    }
  });
});
