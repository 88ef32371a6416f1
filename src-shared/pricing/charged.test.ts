import { describe, expect, it } from 'vitest';
import { chargeMismatches, chargeTolerance, totalCharged, type ChargedBasket } from './charged';
import { T0, fixedVoucher } from '../../test-support/shared/vouchers';
import { priceBasket } from './price-basket';

describe('what the till charged against the pricing', () => {
  it('allows one minor unit for each started unit of quantity, at least one', () => {
    expect([0.25, 1, 2.5, 5].map(chargeTolerance)).toEqual([1, 1, 3, 5]);
  });

  it('names each line and the total beyond the tolerance, with both amounts', () => {
    const priced = priceBasket(
      [
        { id: 'a', quantity: 3, unitPrice: 1000 },
        { id: 'b', quantity: 1, unitPrice: 500 },
      ],
      [],
      T0,
    );
    const charged: ChargedBasket = {
      lines: [
        { id: 'a', quantity: 3, unitPrice: 999, subtotal: null },
        { id: 'b', quantity: 1, unitPrice: 498, subtotal: 500 },
      ],
      total: 3495,
      shipping: 0,
    };
    expect(chargeMismatches(charged, priced)).toEqual([
      { field: 'item_price', lineId: 'b', charged: 498, priced: 500 },
      { field: 'basket_total_price', lineId: null, charged: 3495, priced: 3500 },
    ]);
  });

  it('counts the shipping charge in the total; without basket_total_price the charged lines are the total', () => {
    const priced = priceBasket([{ id: 'a', quantity: 1, unitPrice: 1000 }], [], T0);
    const lines = [{ id: 'a', quantity: 1, unitPrice: 1000, subtotal: null }];
    expect(chargeMismatches({ lines, total: 1495, shipping: 495 }, priced)).toEqual([]);
    expect(totalCharged({ lines, total: null, shipping: 495 })).toBe(1495);
    expect(totalCharged({ lines, total: 1200, shipping: 495 })).toBe(1200);
  });

  it('takes a line at its net or at its shelf price, and the total only when sent', () => {
    // 2 × 10.00 less a €5.00 voucher: gross 2000, net 1500
    const priced = priceBasket(
      [{ id: 'a', quantity: 2, unitPrice: 1000 }],
      [fixedVoucher(500)],
      T0,
    );
    const at = (unitPrice: number, total: number | null): ChargedBasket => ({
      lines: [{ id: 'a', quantity: 2, unitPrice, subtotal: unitPrice * 2 }],
      total,
      shipping: 0,
    });
    expect(chargeMismatches(at(750, 1500), priced)).toEqual([]);
    expect(chargeMismatches(at(1000, 1500), priced)).toEqual([]);
    expect(chargeMismatches(at(1000, null), priced)).toEqual([]);
    expect(chargeMismatches(at(900, null), priced)).toEqual([
      { field: 'item_price', lineId: 'a', charged: 1800, priced: 1500 },
      { field: 'item_subtotal', lineId: 'a', charged: 1800, priced: 1500 },
    ]);
    expect(chargeMismatches(at(1000, 2000), priced)).toEqual([
      { field: 'basket_total_price', lineId: null, charged: 2000, priced: 1500 },
    ]);
  });
});
