import { describe, expect, it } from 'vitest';
import { parseDecimal, type Decimal } from './decimal';
import { proportionOfMinor, roundToStep } from './rounding';

const decimal = (text: string): Decimal => {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};

describe('roundToStep', () => {
  it('rounds to the nearest multiple of the step, half away from zero', () => {
    expect(roundToStep(1472, 5)).toBe(1470);
    expect(roundToStep(1473, 5)).toBe(1475);
    expect(roundToStep(1475, 10)).toBe(1480);
    expect(roundToStep(-1473, 5)).toBe(-1475);
    expect(roundToStep(2, 5)).toBe(0);
  });

  it('leaves the amount as it is without a step, or with a step of one', () => {
    expect(roundToStep(1473, null)).toBe(1473);
    expect(roundToStep(1473, 1)).toBe(1473);
  });
});

describe('proportionOfMinor', () => {
  it('is the whole amount for the whole quantity', () => {
    expect(proportionOfMinor(490, decimal('3'), decimal('3'))).toBe(490);
  });

  it('rounds a part once, half away from zero', () => {
    // 490 × 1 ÷ 3 = 163.33…; 5 × 1 ÷ 2 = 2.5
    expect(proportionOfMinor(490, decimal('1'), decimal('3'))).toBe(163);
    expect(proportionOfMinor(5, decimal('1'), decimal('2'))).toBe(3);
    expect(proportionOfMinor(-5, decimal('1'), decimal('2'))).toBe(-3);
  });

  it('is exact on decimal quantities', () => {
    // 1.25 kg of 2.5 kg: half of 301 = 150.5 → 151
    expect(proportionOfMinor(301, decimal('1.25'), decimal('2.5'))).toBe(151);
  });

  it('refuses a whole of nothing', () => {
    expect(() => proportionOfMinor(1, decimal('1'), decimal('0'))).toThrow(RangeError);
  });
});
