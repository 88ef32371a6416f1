import type { SaleView } from '../../src-shared/till';
import type { EngineVouchers } from './kept-vouchers';
import type { SaleState } from './sale-state';
import type { Notice } from './sale-view';

/** Why the till priced a sale alone: it is offline, or the engine it reaches gave no usable answer. */
export type PricedAloneBecause = 'offline' | 'no_usable_answer';

const SAID: Record<PricedAloneBecause, { lookUp: string; check: string }> = {
  offline: {
    lookUp: 'The till is offline',
    check: 'the till is offline and cannot check it with the voucher engine',
  },
  no_usable_answer: {
    lookUp: 'The voucher engine gave no usable answer',
    check: 'the voucher engine gave no usable answer, so the till cannot check it',
  },
};

/**
 * Why the customer's own vouchers are not taken off a sale the till priced alone, one notice
 * each, in plain words: why the engine could not be asked, and the voucher stays the customer's. The vouchers
 * are the ones the engine last applied for this customer; a customer the engine never priced
 * for this sale gets one notice that their vouchers cannot be looked up.
 */
export function memberVoucherNotices(
  state: SaleState,
  engine: EngineVouchers | null,
  view: Pick<SaleView, 'applied'>,
  because: PricedAloneBecause = 'offline',
): Notice[] {
  const said = SAID[because];
  const member = state.memberNumber;
  if (member === null) return [];
  if (engine?.state.memberNumber !== member)
    return [
      {
        code: 'member_vouchers_offline',
        message: `${said.lookUp}, so the vouchers of customer ${member} cannot be looked up: they stay the customer's, and are applied once the voucher engine is back (in this sale if it is still open, else at the next one).`,
        params: { memberNumber: member },
      },
    ];
  const scanned = new Set(engine.state.voucherCodes);
  const applied = new Set(view.applied.map((voucher) => voucher.voucherKey));
  return engine.vouchers
    .filter(
      (voucher) =>
        voucher.type !== 'basket_fixed_unit' &&
        !scanned.has(voucher.code ?? '') &&
        !applied.has(voucher.key),
    )
    .map((voucher) => ({
      code: 'member_voucher_offline',
      message: `${voucher.title ?? voucher.code ?? 'A voucher of the customer'} is not taken off: ${said.check}. It stays the customer's, and is applied once the engine is back (in this sale if it is still open, else at the next one).`,
      params: {
        voucherCode: voucher.code ?? voucher.key,
        title: voucher.title ?? voucher.code ?? voucher.key,
        memberNumber: member,
      },
    }));
}
