import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, gtinProblem } from './gtin';

describe('GTIN check digits', () => {
  it.each([
    ['4006381333931', 'EAN-13'],
    ['96385074', 'EAN-8'],
    ['036000291452', 'UPC-A'],
    ['10012345678902', 'GTIN-14'],
  ])('accepts %s (%s)', (barcode) => {
    expect(gtinCheckDigit(barcode.slice(0, -1))).toBe(Number(barcode.slice(-1)));
    expect(gtinProblem(barcode)).toBeUndefined();
  });

  it('names what is wrong', () => {
    expect(gtinProblem('4006381333932')).toBe(
      'has a wrong check digit (4006381333932: the last digit should be 1)',
    );
    expect(gtinProblem('12345')).toBe('must be a GTIN: 8, 12, 13 or 14 digits');
  });
});
