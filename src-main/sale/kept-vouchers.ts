import type { AppliedEngineVoucher } from '../engine-client';
import type { SaleState } from './sale-state';

/** The vouchers the engine applied to a sale the last time it priced it, and the state it priced. */
export interface EngineVouchers {
  readonly state: SaleState;
  readonly vouchers: readonly AppliedEngineVoucher[];
}

export interface KeptVouchers {
  /** `basket` and `basket_pct` vouchers the engine applied, still part of the sale. */
  readonly value: readonly AppliedEngineVoucher[];
  /** Codes of the member's honour vouchers the engine applied without a scan (checked in the cache). */
  readonly honourCodes: readonly string[];
  /** Honour vouchers the engine applied that have no code: the cache cannot be asked about them. */
  readonly honourWithoutCode: readonly AppliedEngineVoucher[];
}

const NONE: KeptVouchers = { value: [], honourCodes: [], honourWithoutCode: [] };

/**
 * What of the engine's last answer still belongs to `state` once the engine is gone: a scanned
 * voucher while its code is still in the sale, a member's own voucher while that member is
 * still the sale's customer.
 */
export function keptEngineVouchers(state: SaleState, engine: EngineVouchers | null): KeptVouchers {
  if (engine === null) return NONE;
  const scannedThen = new Set(engine.state.voucherCodes);
  const keptForLater = new Set(state.keptForLater.map((kept) => kept.voucherKey));
  const relevant = engine.vouchers.filter((voucher) => {
    if (keptForLater.has(voucher.key)) return false;
    if (voucher.code !== null && scannedThen.has(voucher.code))
      return state.voucherCodes.includes(voucher.code);
    return state.memberNumber !== null && state.memberNumber === engine.state.memberNumber;
  });
  const honour = relevant.filter(
    (voucher) => voucher.type === 'honour' && !scannedThen.has(voucher.code ?? ''),
  );
  return {
    value: relevant.filter((voucher) => voucher.type === 'basket' || voucher.type === 'basket_pct'),
    honourCodes: honour.flatMap((voucher) => (voucher.code ? [voucher.code] : [])),
    honourWithoutCode: honour.filter((voucher) => !voucher.code),
  };
}
