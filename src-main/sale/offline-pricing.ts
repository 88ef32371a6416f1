import { formatMoney } from '../../src-shared/money';
import { priceBasket, type PricedBasket } from '../../src-shared/pricing';
import type { SaleView } from '../../src-shared/till';
import type { Voucher } from '../../src-shared/vouchers';
import { pricingLines } from './basket-request';
import type { SaleState } from './sale-state';
import type { ViewContext } from './sale-view';

type Notice = SaleView['notices'][number];
export type RefusedVoucher = SaleView['rejected'][number];

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
  readonly policy: OfflinePolicy;
  /** Value-voucher discounts of the offline sales this till already confirmed today. */
  readonly valueDiscountToday: number;
}

export const OFFLINE_NOTICE: Notice = {
  code: 'engine_unreachable',
  message:
    'The voucher engine cannot be reached: the till priced this sale itself, and will send it to the engine once it is back.',
};

const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());
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
  const capRefusals: RefusedVoucher[] = overCap.map((voucher) => ({
    ref: voucher.code ?? voucher.key,
    reason: 'voucher_offline_not_allowed',
    message: `${capMessage} This voucher would go over that.`,
    lockedUntil: null,
  }));
  const capNotices: Notice[] =
    overCap.length === 0
      ? []
      : [
          {
            code: 'offline_value_cap',
            message: `${capMessage} Not applied: ${capRefusals.map((refusal) => refusal.ref).join(', ')}.`,
          },
        ];
  return viewOf(input, priced, context, capRefusals, capNotices);
}

function viewOf(
  input: OfflinePricingInput,
  priced: PricedBasket,
  context: ViewContext,
  capRefusals: readonly RefusedVoucher[],
  capNotices: readonly Notice[],
): SaleView {
  const { sale } = input;
  const titles = new Map(input.candidates.map((c) => [c.voucher.key, c.title]));
  const byId = new Map(priced.lines.map((line) => [line.id, line]));
  return {
    saleId: sale.saleId,
    basketCode: sale.basketCode,
    state: 'open',
    currency: context.currency,
    locale: context.locale,
    customer: sale.memberNumber ? { memberNumber: sale.memberNumber } : null,
    lines: sale.lines.map((line) => {
      const pricedLine = byId.get(line.lineId);
      return {
        ...line,
        gross: pricedLine?.gross ?? 0,
        discount: pricedLine?.discount ?? 0,
        net: pricedLine?.net ?? 0,
        shares: (pricedLine?.shares ?? []).map((share) => ({ ...share })),
      };
    }),
    applied: priced.applied.map(({ voucher, discount, amountRemaining }) => ({
      voucherKey: voucher.key,
      code: voucher.code,
      type: voucher.type,
      title: titles.get(voucher.key) ?? voucher.code ?? 'Voucher',
      discount,
      amountRemaining,
      honourCode: voucher.type === 'honour' ? voucher.honourCode : null,
      lockedUntil: null,
    })),
    rejected: [
      ...input.refused,
      ...priced.rejected.map((rejected) => ({
        ref: rejected.ref,
        reason: rejected.reason,
        message: rejected.message,
        lockedUntil: iso(rejected.lockedUntil),
      })),
      ...capRefusals,
    ],
    totals: {
      gross: priced.totals.gross,
      discount: priced.totals.discount,
      net: priced.totals.net,
    },
    pricedBy: 'local',
    notices: [OFFLINE_NOTICE, ...input.notices, ...capNotices],
  };
}
