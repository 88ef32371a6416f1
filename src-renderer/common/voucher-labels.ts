import type { TillOutput } from '../../src-shared/till';

type VoucherType = TillOutput<'manager/locked-vouchers'>[number]['type'];

/** A voucher type's name as a store manager calls it: `t(voucherTypeKey(type))`. */
export function voucherTypeKey(type: VoucherType) {
  return `screens.common.voucherTypes.${type}` as const;
}

/** A voucher as the manager can recognise it: its code, else the start of its key. */
export function voucherName(code: string | null, voucherKey: string): string {
  return code ?? `${voucherKey.slice(0, 8)}…`;
}
