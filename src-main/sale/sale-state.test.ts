import { describe, expect, it } from 'vitest';
import { addItem, newSale, removeLine, setQuantity } from './sale-state';
import { classifyScan, compilePatterns, type ScanPatterns } from './scan-router';

const coffee = {
  barcode: '8710000000017',
  name: 'Coffee beans 1 kg',
  unitPrice: 1899,
  excluded: false,
};
const cheese = { barcode: '8710000000024', name: 'Cheddar', unitPrice: 2490, excluded: false };

describe('the scan router', () => {
  const compiled = compilePatterns({
    item: '^\\d{8}$|^\\d{12,14}$',
    loyaltyCard: '^10\\d{5}$',
    voucher: '^[A-Z][A-Z0-9-]{3,}$',
  });
  const patterns: ScanPatterns =
    'error' in compiled
      ? (() => {
          throw new Error(compiled.error);
        })()
      : compiled;

  it.each([
    ['8710000000017', 'item'],
    ['1000001', 'loyalty_card'],
    ['HONOUR-COFFEE-0001', 'voucher'],
    [' promo-7hd3xp\n', 'voucher'],
    ['??', 'unrecognised'],
  ])('%j is a %s', (raw, kind) => {
    expect(classifyScan(raw, patterns).kind).toBe(kind);
  });

  it('upper-cases voucher codes and trims whatever the scanner added', () => {
    expect(classifyScan(' promo-7hd3xp\n', patterns)).toEqual({
      kind: 'voucher',
      code: 'PROMO-7HD3XP',
    });
  });

  it('names a bad pattern by its configuration key', () => {
    expect(compilePatterns({ item: '(', loyaltyCard: 'x', voucher: 'y' })).toMatchObject({
      error: expect.stringMatching(/^scanPatterns\.item: /) as unknown,
    });
  });
});

describe('the sale', () => {
  it('adds lines, merges repeat scans, changes quantities and removes lines without reusing ids', () => {
    let sale = newSale('s1', 'S001-01-20261123-0001');
    sale = addItem(sale, coffee);
    sale = addItem(sale, cheese);
    sale = addItem(sale, coffee);
    expect(sale.lines.map((line) => [line.lineId, line.quantity])).toEqual([
      ['line_1', 2],
      ['line_2', 1],
    ]);
    sale = setQuantity(removeLine(sale, 'line_1'), 'line_2', 0.412);
    sale = addItem(sale, coffee);
    expect(sale.lines.map((line) => [line.lineId, line.barcode, line.quantity])).toEqual([
      ['line_2', cheese.barcode, 0.412],
      ['line_3', coffee.barcode, 1],
    ]);
  });
});

describe('weighed items and typed quantities', () => {
  const bananas = {
    barcode: '8712345000172',
    name: 'Bananas (loose, per kg)',
    unit: 'kg' as const,
    unitPrice: 199,
    excluded: false,
  };

  it('puts each weighing on a line of its own, in kg', () => {
    let sale = addItem(newSale('s', 'b'), bananas, 0.785);
    sale = addItem(sale, bananas, 1.2);
    expect(sale.lines.map((line) => [line.lineId, line.quantity, line.unit])).toEqual([
      ['line_1', 0.785, 'kg'],
      ['line_2', 1.2, 'kg'],
    ]);
  });

  it('adds a typed number of pieces to the line of the same product, counted in pieces', () => {
    let sale = addItem(newSale('s', 'b'), coffee);
    sale = addItem(sale, coffee, 23);
    expect(sale.lines.map((line) => [line.quantity, line.unit])).toEqual([[24, 'piece']]);
  });
});
