import { toMajorUnits } from '../../src-shared/money';
import { unitPriceOf, type ChargeMismatch, type RejectedVoucher } from '../../src-shared/pricing';
import {
  WARNING_CODES,
  toSpaazaDateTime,
  type SpaazaWarning,
  type WireBasket,
  type WirePricedBasket,
  type WireProvisionalVoucher,
} from '../../src-shared/wire';
import {
  leavesRemainder,
  type BasketPricing,
  type BasketWarning,
  type MemberWarning,
} from '../domain/basket-pricing';
import { childExpiry } from '../domain/voucher-factory';
import { toVoucherObject } from './voucher-object';

/**
 * The request's basket echoed with the engine's totals, per-item adjustments and the applied
 * vouchers. `basket_total_price` stays what the till charged: as sent, else the sum of its
 * charged lines; the engine's own figures are the discount and adjusted fields.
 */
export function toPricedBasket(
  request: WireBasket,
  pricing: BasketPricing,
  now: number,
): WirePricedBasket {
  const { priced, currency } = pricing;
  const money = (minor: number) => toMajorUnits(minor, currency);
  return {
    ...request,
    chain_id: pricing.chainId,
    basket_currency: { currency_code: currency },
    basket_total_price: money(pricing.totalCharged),
    basket_total_discount: money(priced.totals.discount),
    basket_total_adjusted_price: money(priced.totals.net),
    basket_items: request.basket_items.map((item, index) => {
      const line = priced.lines[index];
      if (!line) throw new Error('priced basket lost a line');
      return {
        ...item,
        retailer_item_code: line.id,
        ...(pricing.unmatchedReturns.has(line.id) ? { excluded_from_spaaza: true } : {}),
        item_adjusted_price: money(unitPriceOf(line.net, line.quantity)),
        item_adjusted_subtotal: money(line.net),
        item_discount: money(line.discount),
        item_vouchers: line.shares.map((share) => ({
          voucher_key: share.voucherKey,
          discount: money(share.discount),
        })),
      };
    }),
    basket_vouchers: priced.applied.map((applied) => {
      const row = pricing.vouchers.get(applied.voucher.key);
      if (!row) throw new Error('applied voucher without its row');
      return {
        ...toVoucherObject(row, now),
        voucher_applied_amount: money(applied.discount),
        voucher_amount_remaining: money(applied.amountRemaining),
      };
    }),
  };
}

/**
 * What add-basket would create for this basket: the rest of each fixed voucher worth more than
 * the basket. Provisional: nothing is stored, so none has a key.
 */
export function toProvisionalVouchers(
  pricing: BasketPricing,
  now: number,
): WireProvisionalVoucher[] {
  return pricing.priced.applied.filter(leavesRemainder).flatMap((applied) => {
    const row = pricing.vouchers.get(applied.voucher.key);
    if (!row) return [];
    return [
      {
        voucher_provisional: true as const,
        voucher_type: 'basket' as const,
        voucher_currency_code: row.currency,
        voucher_amount: toMajorUnits(applied.amountRemaining, row.currency),
        voucher_title: row.title,
        voucher_expiry_datetime_utc: expiryOf(
          childExpiry(row.expires_at, now, pricing.childVoucherMinDays),
        ),
        member_number: row.member_number ?? pricing.memberNumber,
        parent_voucher: { voucher_key: row.voucher_key },
      },
    ];
  });
}

const expiryOf = (instant: number | null) => (instant === null ? null : toSpaazaDateTime(instant));

export function toWarnings(warnings: readonly BasketWarning[], currency: string): SpaazaWarning[] {
  return warnings.map((warning) => {
    switch (warning.kind) {
      case 'voucher_rejected':
        return rejectedVoucherWarning(warning.voucher);
      case 'return_unmatched':
        return unmatchedReturnWarning(warning.lineId);
      case 'price_mismatch':
        return mismatchWarning(warning.mismatch, currency);
      case 'member_not_found':
      case 'member_programme_not_supported':
        return memberWarning(warning);
    }
  });
}

function memberWarning(warning: MemberWarning): SpaazaWarning {
  if (warning.kind === 'member_not_found')
    return {
      code: WARNING_CODES.member_not_found,
      name: 'member_not_found',
      description: `No member ${warning.named} in this chain; the basket is handled as anonymous.`,
      message: { key: warning.key },
    };
  return {
    code: WARNING_CODES.member_programme_not_supported,
    name: 'member_programme_not_supported',
    description: `The card is of the programme "${warning.programme}", not of this engine's; the basket is handled as anonymous.`,
    message: { key: warning.key, member_programme: warning.programme },
  };
}

function mismatchWarning(mismatch: ChargeMismatch, currency: string): SpaazaWarning {
  const charged = toMajorUnits(mismatch.charged, currency);
  const priced = toMajorUnits(mismatch.priced, currency);
  const what =
    mismatch.lineId === null
      ? 'the basket total'
      : `line ${mismatch.lineId} (${mismatch.field === 'item_price' ? 'item_price × item_quantity' : 'item_subtotal'})`;
  return {
    code: WARNING_CODES.basket_price_mismatch,
    name: 'basket_price_mismatch',
    description: `The till charged ${charged} for ${what}; the engine priced it at ${priced}.`,
    message: {
      ...(mismatch.lineId === null ? {} : { key: mismatch.lineId }),
      field: mismatch.field,
      amount_charged: charged,
      amount_priced: priced,
    },
  };
}

function rejectedVoucherWarning(rejected: RejectedVoucher): SpaazaWarning {
  return {
    code: WARNING_CODES[rejected.reason],
    name: rejected.reason,
    description: rejected.message,
    message: {
      key: rejected.voucherKey ?? rejected.ref,
      ...(rejected.voucherKey !== null && rejected.ref !== rejected.voucherKey
        ? { voucher_code: rejected.ref }
        : {}),
      ...(rejected.lockedUntil === null
        ? {}
        : { locked_until: toSpaazaDateTime(rejected.lockedUntil) }),
      ...(rejected.heldBy === null ? {} : { locked_basket_code: rejected.heldBy }),
    },
  };
}

function unmatchedReturnWarning(lineId: string): SpaazaWarning {
  return {
    code: WARNING_CODES.original_basket_item_not_found,
    name: 'original_basket_item_not_found',
    description:
      'The returned item could not be matched to an earlier purchase; it takes no voucher logic.',
    message: { key: lineId },
  };
}
