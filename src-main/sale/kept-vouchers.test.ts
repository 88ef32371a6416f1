import { describe, expect, it } from 'vitest';
import { lockedVoucher } from '../../test-support/till/engine-answers';
import { keptEngineVouchers } from './kept-vouchers';
import { addVoucherCode, newSale, removeVoucherCode, setCustomer } from './sale-state';

const wire = lockedVoucher;

const base = setCustomer(newSale('S1', 'S1'), '1000001');
const priced = addVoucherCode(base, 'SCANNED-5');
const engine = {
  state: priced,
  vouchers: [
    wire('SCANNED-5', 'basket', 'a'),
    wire('MEMBER-10', 'basket_pct', 'b'),
    wire('MEMBER-COFFEE', 'honour', 'c'),
    wire(null, 'honour', 'd'),
  ],
};

describe('keptEngineVouchers', () => {
  it('keeps scanned and member vouchers while the sale still has them', () => {
    const kept = keptEngineVouchers(priced, engine);
    expect(kept.value.map((v) => v.code)).toEqual(['SCANNED-5', 'MEMBER-10']);
    expect(kept.honourCodes).toEqual(['MEMBER-COFFEE']);
    expect(kept.honourWithoutCode.map((v) => v.key)).toEqual(['d'.repeat(64)]);
  });

  it('drops a scanned voucher removed since, and the member vouchers once the customer changed', () => {
    expect(
      keptEngineVouchers(removeVoucherCode(priced, 'SCANNED-5'), engine).value.map((v) => v.code),
    ).toEqual(['MEMBER-10']);
    const other = keptEngineVouchers(setCustomer(priced, '1000002'), engine);
    expect(other.value.map((v) => v.code)).toEqual(['SCANNED-5']);
    expect(other.honourCodes).toEqual([]);
  });

  it('keeps nothing when the engine never priced the sale', () => {
    expect(keptEngineVouchers(priced, null)).toEqual({
      value: [],
      honourCodes: [],
      honourWithoutCode: [],
    });
  });
});
