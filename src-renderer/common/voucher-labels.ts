import type { TillOutput } from '../../src-shared/till';

type VoucherType = TillOutput<'manager/locked-vouchers'>[number]['type'];

/** Voucher types as a store manager calls them. */
export const VOUCHER_TYPE_LABELS: Readonly<Record<VoucherType, string>> = {
  basket: 'Amount off',
  basket_pct: 'Percentage off',
  honour: 'Honour',
  basket_fixed_unit: 'Price per unit',
};

/** A voucher as the manager can recognise it: its code, else the start of its key. */
export function voucherName(code: string | null, voucherKey: string): string {
  return code ?? `${voucherKey.slice(0, 8)}…`;
}
