import { describe, expect, it } from 'vitest';
import { formatMoney } from './format';

describe('formatMoney', () => {
  it('formats with the currency symbol and the ISO number of decimals', () => {
    expect(formatMoney(1999, 'EUR', 'en-IE')).toBe('€19.99');
    expect(formatMoney(-500, 'EUR', 'en-IE')).toBe('-€5.00');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(formatMoney(1234, 'KWD', 'en-US')).toMatch(/1\.234$/);
  });

  it('follows the locale', () => {
    expect(formatMoney(123456, 'EUR', 'nl-NL').replace(/\s/g, ' ')).toBe('€ 1.234,56');
    expect(formatMoney(123456, 'EUR', 'de-DE').replace(/\s/g, ' ')).toBe('1.234,56 €');
  });
});
