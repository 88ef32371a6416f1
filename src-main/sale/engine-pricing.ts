import { isRejectionCode } from '../../src-shared/pricing';
import type { EngineBasket, EngineWarning } from '../engine-client';
import { isoInstant, type Notice, type RefusedVoucher, type SalePricing } from './sale-view';

/** The engine's pricing of a sale; warnings that are not voucher refusals become notices. */
export function enginePricing(
  basket: EngineBasket,
  warnings: readonly EngineWarning[],
): SalePricing {
  const rejected: RefusedVoucher[] = [];
  const notices: Notice[] = [];
  for (const warning of warnings) {
    if (isRejectionCode(warning.code)) {
      rejected.push({
        // the code the cashier scanned, when the engine names it; else the voucher key
        ref: warning.voucherCode ?? warning.voucherKey ?? warning.subject ?? warning.name,
        reason: warning.code,
        message: warning.message,
        lockedUntil: isoInstant(warning.lockedUntil ?? null),
      });
    } else {
      notices.push({ code: warning.name, message: warning.message });
    }
  }
  return {
    pricedBy: 'engine',
    lines: new Map(
      basket.lines.map((line) => [
        line.lineId,
        {
          gross: line.net + line.discount,
          discount: line.discount,
          net: line.net,
          excluded: line.excluded,
          shares: line.shares,
        },
      ]),
    ),
    applied: basket.vouchers.flatMap((voucher) =>
      voucher.type === 'basket_fixed_unit'
        ? []
        : [
            {
              voucherKey: voucher.key,
              code: voucher.code,
              type: voucher.type,
              title: voucher.title ?? voucher.code ?? 'Voucher',
              discount: voucher.discount,
              amountRemaining: voucher.amountRemaining,
              honourCode: voucher.honourCode,
              lockedUntil: isoInstant(voucher.lockedUntil),
            },
          ],
    ),
    rejected,
    totals: basket.totals,
    notices,
  };
}
