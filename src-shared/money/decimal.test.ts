import { describe, expect, it } from 'vitest';
import { addDecimals, formatDecimal, minDecimal, parseDecimal, subtractDecimals } from './decimal';
import { divideRoundHalfAwayFromZero, multiplyMinor } from './rounding';

describe('parseDecimal', () => {
  it.each([
    [20.1, 201n, 1],
    ['20.10', 201n, 1],
    [1e21, 10n ** 21n, 0],
    [1.5e-7, 15n, 8],
    ['  7 ', 7n, 0],
    [-0.25, -25n, 2],
    [0, 0n, 0],
  ])('reads %s exactly', (input, coefficient, scale) => {
    expect(parseDecimal(input)).toEqual({ ok: true, value: { coefficient, scale } });
  });

  it('names what was wrong', () => {
    expect(parseDecimal('1.2.3')).toMatchObject({ ok: false, error: { code: 'not_a_number' } });
    expect(parseDecimal(Number.POSITIVE_INFINITY)).toMatchObject({
      ok: false,
      error: { code: 'not_finite' },
    });
    expect(parseDecimal('1e-40')).toMatchObject({
      ok: false,
      error: { code: 'too_many_decimals' },
    });
    expect(parseDecimal('9e999999')).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
  });
});

describe('the rounding rule: half away from zero', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [4n, 2n, 2n],
    [7n, 3n, 2n],
    [8n, 3n, 3n],
    [-8n, 3n, -3n],
    [0n, 7n, 0n],
  ])('%i / %i → %i', (numerator, denominator, expected) => {
    expect(divideRoundHalfAwayFromZero(numerator, denominator)).toBe(expected);
  });

  it('multiplies minor units by an exact decimal and rounds once', () => {
    expect(multiplyMinor(101, { coefficient: 25n, scale: 1 })).toBe(253); // 2.5 × 1.01 = 2.525
    expect(multiplyMinor(-3, { coefficient: 5n, scale: 1 })).toBe(-2); // 0.5 × -0.03 = -0.015
    expect(multiplyMinor(1010, { coefficient: 15n, scale: 2 })).toBe(152); // 15 % of 10.10 = 1.515
  });

  it('refuses a zero denominator', () => {
    expect(() => divideRoundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});

describe('decimal arithmetic', () => {
  const d = (text: string) => {
    const parsed = parseDecimal(text);
    if (!parsed.ok) throw new Error(text);
    return parsed.value;
  };

  it('adds, subtracts, compares and writes exact decimals', () => {
    expect(formatDecimal(addDecimals(d('1.5'), d('0.25')))).toBe('1.75');
    expect(formatDecimal(subtractDecimals(d('2'), d('0.001')))).toBe('1.999');
    expect(formatDecimal(subtractDecimals(d('0.1'), d('0.3')))).toBe('-0.2');
    expect(formatDecimal(minDecimal(d('1.25'), d('1.2')))).toBe('1.2');
    expect(formatDecimal(d('0.05'))).toBe('0.05');
    expect(formatDecimal(d('7'))).toBe('7');
  });
});
