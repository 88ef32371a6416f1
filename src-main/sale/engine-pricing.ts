import { isRejectionCode } from '../../src-shared/pricing';
import { isNoticeCode, placeOfBasket } from '../../src-shared/till';
import type { EngineBasket, EngineWarning } from '../engine-client';
import {
  isoInstant,
  wasScanned,
  type Notice,
  type RefusedVoucher,
  type SalePricing,
} from './sale-view';

/** An engine warning about the sale itself, by the till's code; one it does not know says the engine's words. */
export function warningNotice(warning: EngineWarning): Notice {
  const lineId = warning.subject === undefined ? {} : { lineId: warning.subject };
  if (isNoticeCode(warning.code))
    return { code: warning.code, message: warning.message, params: lineId };
  return {
    code: 'engine_warning',
    message: warning.message,
    params: { name: warning.name, description: warning.message },
  };
}

/**
 * The engine's pricing of a sale; warnings that are not voucher refusals become notices. A
 * refusal says whether the cashier scanned the voucher (`scannedCodes`) or the engine offered
 * it on its own, and for a lock, which till's sale holds it and until when.
 */
export function enginePricing(
  basket: EngineBasket,
  warnings: readonly EngineWarning[],
  scannedCodes: readonly string[] = [],
): SalePricing {
  const rejected: RefusedVoucher[] = [];
  const notices: Notice[] = [];
  for (const warning of warnings) {
    if (isRejectionCode(warning.code)) {
      // the code the cashier scanned, when the engine names it; else the voucher key
      const ref = warning.voucherCode ?? warning.voucherKey ?? warning.subject ?? warning.name;
      const until = isoInstant(warning.lockedUntil ?? null);
      const holder = warning.lockedBasketCode;
      rejected.push({
        ref,
        reason: warning.code,
        message: warning.message,
        lockedUntil: until,
        words: warning.code,
        params: {
          voucherCode: ref,
          ...(until === null ? {} : { until }),
          ...(holder === undefined ? {} : { basketCode: holder, ...placeOfBasket(holder) }),
        },
        scanned: wasScanned(ref, scannedCodes),
        // a voucher not activated yet is activated by its key (sale/activate-voucher)
        ...(warning.code === 'voucher_not_claimed' && warning.voucherKey !== undefined
          ? { voucherKey: warning.voucherKey }
          : {}),
      });
    } else {
      notices.push(warningNotice(warning));
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
