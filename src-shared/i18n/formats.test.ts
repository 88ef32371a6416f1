import { describe, expect, it } from 'vitest';
import { formatQuantity, readQuantity } from './formats';

describe('formatQuantity', () => {
  it('writes a weight with its 3 decimals in the locale, pieces as whole numbers', () => {
    expect(formatQuantity(0.785, 'kg', 'nl-NL')).toBe('0,785');
    expect(formatQuantity(1.25, 'kg', 'nl-NL')).toBe('1,250');
    expect(formatQuantity(0.785, 'kg', 'en-GB')).toBe('0.785');
    expect(formatQuantity(24, 'piece', 'nl-NL')).toBe('24');
    expect(formatQuantity(1200, 'piece', 'nl-NL')).toBe('1.200');
  });
});

describe('readQuantity', () => {
  it.each([
    ['0,785', 'kg', 0.785],
    ['0.785', 'kg', 0.785],
    [' 1,5 ', 'kg', 1.5],
    ['2,', 'kg', 2],
    ['24', 'piece', 24],
    ['24,0', 'piece', 24],
  ] as const)('reads %j as %s: %d', (text, unit, expected) => {
    expect(readQuantity(text, unit)).toBe(expected);
  });

  it.each([
    ['0,7855', 'kg'],
    ['0', 'kg'],
    ['0,000', 'kg'],
    ['', 'kg'],
    ['1,2,3', 'kg'],
    ['-1', 'kg'],
    ['1e3', 'kg'],
    ['2,5', 'piece'],
    ['0', 'piece'],
    ['abc', 'piece'],
    ['2000000', 'piece'],
  ] as const)('refuses %j as %s', (text, unit) => {
    expect(readQuantity(text, unit)).toBeNull();
  });
});
