import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_MINOR, toMajorText, toMajorUnits, toMinorUnits } from './amount';
import { SUPPORTED_CURRENCIES, currencyExponent } from './currency';

/** What a wire amount goes through: a JSON number in a body, sent and parsed. */
function throughTheWire(minor: number, currency: string): unknown {
  const parsed: unknown = JSON.parse(JSON.stringify(toMajorUnits(minor, currency)));
  return parsed;
}

describe('toMinorUnits', () => {
  it.each([
    [20.5, 'EUR', 2050],
    ['19.99', 'EUR', 1999],
    [0.1, 'EUR', 10],
    [0.07, 'EUR', 7],
    [-10, 'EUR', -1000],
    [1500, 'JPY', 1500],
    [1.234, 'KWD', 1234],
    [9999999999999.99, 'EUR', MAX_AMOUNT_MINOR],
  ])('reads %s %s as %i minor units', (amount, currency, minor) => {
    expect(toMinorUnits(amount, currency)).toEqual({ ok: true, value: minor });
  });

  it('rejects 0.001 EUR: EUR has two decimals', () => {
    const result = toMinorUnits(0.001, 'EUR');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ code: 'too_many_decimals' });
    expect(!result.ok && result.error.message).toMatch(/3 decimals but EUR allows at most 2/);
  });

  it('rejects a yen amount with decimals', () => {
    const result = toMinorUnits(1.5, 'JPY');
    expect(!result.ok && result.error.message).toMatch(/JPY allows no decimals/);
  });

  it('rejects 1e400: JSON reads it as Infinity', () => {
    const parsed: unknown = JSON.parse('1e400');
    expect(toMinorUnits(parsed, 'EUR')).toMatchObject({ ok: false, error: { code: 'not_finite' } });
  });

  it('rejects 1e400 written as text as out of range', () => {
    expect(toMinorUnits('1e400', 'EUR')).toMatchObject({
      ok: false,
      error: { code: 'out_of_range' },
    });
  });

  it.each([['abc'], [''], ['12,50'], [null], [true], [{}], [Number.NaN]])(
    'rejects %s as not a number',
    (input) => {
      expect(toMinorUnits(input, 'EUR')).toMatchObject({
        ok: false,
        error: { code: 'not_a_number' },
      });
    },
  );

  it('reads -0 as 0: a zero amount has no sign, and no -0 leaks into sums or JSON', () => {
    const result = toMinorUnits(-0, 'EUR');
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
    const fromText = toMinorUnits('-0.00', 'EUR');
    expect(fromText.ok && Object.is(fromText.value, 0)).toBe(true);
  });

  it('rejects amounts beyond the 15 digits a JSON number keeps exactly', () => {
    expect(toMinorUnits(10_000_000_000_000, 'EUR')).toMatchObject({
      ok: false,
      error: { code: 'out_of_range' },
    });
    expect(toMinorUnits(Number.MAX_SAFE_INTEGER, 'JPY')).toMatchObject({
      ok: false,
      error: { code: 'out_of_range' },
    });
    expect(toMinorUnits(-1e300, 'EUR')).toMatchObject({
      ok: false,
      error: { code: 'out_of_range' },
    });
  });

  it('throws for a currency that is not ISO 4217 money: that is a caller bug, not bad input', () => {
    expect(() => toMinorUnits(1, 'XAU')).toThrow(/unsupported currency/);
  });
});

describe('toMajorText', () => {
  it.each([
    [1999, 'EUR', '19.99'],
    [-5, 'EUR', '-0.05'],
    [0, 'EUR', '0.00'],
    [1500, 'JPY', '1500'],
    [1, 'KWD', '0.001'],
  ])('writes %i %s as %s', (minor, currency, text) => {
    expect(toMajorText(minor, currency)).toBe(text);
  });

  it('refuses a non-integer or out-of-range amount', () => {
    expect(() => toMajorText(1.5, 'EUR')).toThrow(RangeError);
    expect(() => toMajorText(MAX_AMOUNT_MINOR + 1, 'EUR')).toThrow(RangeError);
  });
});

describe('the wire round trip', () => {
  it.each(SUPPORTED_CURRENCIES.map((code) => [code]))(
    'keeps the ends and the middle of the %s range unchanged',
    (currency) => {
      for (const minor of [
        0,
        1,
        -1,
        10 ** currencyExponent(currency) - 1,
        MAX_AMOUNT_MINOR,
        -MAX_AMOUNT_MINOR,
      ]) {
        expect(toMinorUnits(throughTheWire(minor, currency), currency)).toEqual({
          ok: true,
          value: minor,
        });
      }
    },
  );

  it.each([['EUR'], ['JPY'], ['KWD'], ['CLF']])('keeps every %s amount unchanged', (currency) => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_AMOUNT_MINOR, max: MAX_AMOUNT_MINOR }), (minor) => {
        expect(toMinorUnits(throughTheWire(minor, currency), currency)).toEqual({
          ok: true,
          value: minor,
        });
      }),
      { numRuns: 5000 },
    );
  });
});
