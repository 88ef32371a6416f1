import { describe, expect, it } from 'vitest';
import { roundToStep } from './rounding';

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
