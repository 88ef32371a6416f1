import { formatMoney } from '../../src-shared/money';
import { priceBasket, type PricedBasket } from '../../src-shared/pricing';
import type { SaleView } from '../../src-shared/till';
import type { Voucher } from '../../src-shared/vouchers';
import { pricingLines, type SaleState } from './sale-state';
import {
  localPricing,
  saleView,
  type Notice,
  type RefusedVoucher,
  type ViewContext,
  wasScanned,
} from './sale-view';

/** `offline` of the till's configuration: value vouchers refused unless allowed, then capped. */
export interface OfflinePolicy {
  readonly valueVouchersAllowed: boolean;
  readonly perSaleCapMinor: number;
  readonly perDayCapMinor: number;
}

/** A voucher the till may apply offline, with the title the cashier knows it by. */
export interface OfflineCandidate {
  readonly voucher: Voucher;
  readonly title: string;
}

export interface OfflinePricingInput {
  readonly sale: SaleState;
  /** Honour vouchers from the local cache, value vouchers the engine applied before it went away. */
  readonly candidates: readonly OfflineCandidate[];
  /** Refused before pricing (unknown offline, used on this till already, cache never filled). */
  readonly refused: readonly RefusedVoucher[];
  readonly notices: readonly Notice[];
  /** Why the till priced the sale alone (the first notice); the engine unreachable by default. */
  readonly why?: Notice;
  readonly policy: OfflinePolicy;
  /** Value-voucher discounts of the offline sales this till already confirmed today. */
  readonly valueDiscountToday: number;
}

export const OFFLINE_NOTICE: Notice = {
  code: 'engine_unreachable',
  message:
    'The voucher engine cannot be reached: the till priced this sale itself, and will send it to the engine once it is back.',
  params: {},
};

/** The engine is there (the probe answers) but gave this pricing no usable answer. */
export const NO_USABLE_ANSWER_NOTICE: Notice = {
  code: 'engine_no_usable_answer',
  message:
    'The voucher engine gave no usable answer: the till priced this sale itself, and will send it to the engine.',
  params: {},
};

const sum = (values: readonly number[]) => values.reduce((acc, value) => acc + value, 0);
const valueDiscount = (priced: PricedBasket) =>
  sum(priced.applied.filter(({ voucher }) => voucher.type !== 'honour').map((a) => a.discount));

/**
 * Prices the sale without the engine (docs/architecture.md, "Offline and sync"): `priceBasket` with the offline rule, then value
 * vouchers dropped, last applied first, until their discount fits the per-sale cap and what is
 * left of the per-day cap. A voucher is never applied for less than the engine would take off,
 * so the sale the outbox sends later is the sale the customer paid.
 */
export function offlineSaleView(input: OfflinePricingInput, context: ViewContext): SaleView {
  const { sale, policy } = input;
  const leftToday = Math.max(0, policy.perDayCapMinor - input.valueDiscountToday);
  const allowance = Math.min(policy.perSaleCapMinor, leftToday);
  const lines = pricingLines(sale);
  const price = (vouchers: readonly Voucher[]) =>
    priceBasket(lines, vouchers, context.now, {
      basketCode: sale.basketCode,
      memberNumber: sale.memberNumber,
      offline: { valueVouchersAllowed: policy.valueVouchersAllowed },
    });

  let vouchers = input.candidates.map((candidate) => candidate.voucher);
  let priced = price(vouchers);
  const overCap: Voucher[] = [];
  for (;;) {
    const last = priced.applied.filter(({ voucher }) => voucher.type !== 'honour').at(-1);
    if (!last || valueDiscount(priced) <= allowance) break;
    overCap.push(last.voucher);
    vouchers = vouchers.filter((voucher) => voucher.key !== last.voucher.key);
    priced = price(vouchers);
  }

  const money = (minor: number) => formatMoney(minor, context.currency, context.locale);
  const capMessage = `Offline, value vouchers may take off at most ${money(policy.perSaleCapMinor)} per sale and ${money(policy.perDayCapMinor)} per day (${money(leftToday)} left today).`;
  const capParams = {
    perSale: policy.perSaleCapMinor,
    perDay: policy.perDayCapMinor,
    leftToday,
  };
  const capRefusals: RefusedVoucher[] = overCap.map((voucher) => {
    const ref = voucher.code ?? voucher.key;
    return {
      ref,
      reason: 'voucher_offline_not_allowed',
      message: `${capMessage} This voucher would go over that.`,
      lockedUntil: null,
      words: 'offline_value_cap',
      params: { ...capParams, voucherCode: ref },
      scanned: wasScanned(ref, sale.voucherCodes),
    };
  });
  // the cap is the sale's; which vouchers it kept out, their refusals say
  const capNotices: Notice[] =
    overCap.length === 0
      ? []
      : [{ code: 'offline_value_cap', message: capMessage, params: capParams }];
  const titles = new Map(input.candidates.map((c) => [c.voucher.key, c.title]));
  const pricing = localPricing(
    priced,
    titles,
    [input.why ?? OFFLINE_NOTICE, ...input.notices, ...capNotices],
    sale.voucherCodes,
  );
  return saleView(
    sale,
    { ...pricing, rejected: [...input.refused, ...pricing.rejected, ...capRefusals] },
    context,
  );
}
