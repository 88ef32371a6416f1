import { describe, expect, it } from 'vitest';
import { addReturnLine, newSale, setQuantity } from './sale-state';
import { unpricedView } from './sale-view';

const context = { currency: 'EUR', locale: 'nl-NL', now: Date.UTC(2026, 10, 23) };

describe('a return line in the sale view', () => {
  it('refunds its price less the voucher shares that come back as vouchers', () => {
    const sale = addReturnLine(
      newSale('S001-01-20261123-0002', 'S001-01-20261123-0002'),
      { barcode: '8712345000165', name: 'Coffee beans 1 kg', unitPrice: 1495 },
      1,
      { basketCode: 'S001-01-20261123-0001', lineId: 'line_1', vouchersBack: 490 },
    );
    const view = unpricedView(sale, [], context);
    expect(view.lines).toEqual([
      expect.objectContaining({
        unitPrice: -1495,
        gross: -1495,
        discount: -490,
        net: -1005,
        returnOf: { basketCode: 'S001-01-20261123-0001', lineId: 'line_1', vouchersBack: 490 },
      }),
    ]);
    expect(view.totals).toEqual({ gross: -1495, discount: -490, net: -1005 });
  });

  it('replaces the return line of the same purchase line instead of adding a second', () => {
    const original = { basketCode: 'S001-01-20261123-0001', lineId: 'line_1', vouchersBack: 490 };
    const item = { barcode: '8712345000165', name: 'Coffee beans 1 kg', unitPrice: 1495 };
    const once = addReturnLine(newSale('s', 's'), item, 2, { ...original, vouchersBack: 980 });
    const twice = addReturnLine(once, item, 1, original);
    expect(twice.lines.map((line) => line.quantity)).toEqual([1]);
  });

  it('keeps the quantity of a return line: the shares it gives back were worked out for it', () => {
    const original = { basketCode: 'S001-01-20261123-0001', lineId: 'line_1', vouchersBack: 490 };
    const item = { barcode: '8712345000165', name: 'Coffee beans 1 kg', unitPrice: 1495 };
    const sale = addReturnLine(newSale('s', 's'), item, 1, original);
    expect(setQuantity(sale, 'line_1', 2).lines.map((line) => line.quantity)).toEqual([1]);
  });
});
