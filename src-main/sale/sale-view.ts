import {
  priceBasket,
  type PricedBasket,
  type RejectedVoucher as RejectedByPricing,
} from '../../src-shared/pricing';
import { placeOfBasket, type SaleView } from '../../src-shared/till';
import { pricingLines, type SaleLine, type SaleState } from './sale-state';

export interface ViewContext {
  readonly currency: string;
  readonly locale: string;
  readonly now: number;
}

export type Notice = SaleView['notices'][number];
export type AppliedVoucherView = SaleView['applied'][number];
export type RefusedVoucher = SaleView['rejected'][number];
type VoucherShareView = SaleView['lines'][number]['shares'][number];

/** One line's prices, by whoever priced it; a line it did not price shows zeros. */
export interface LinePrice {
  readonly gross: number;
  readonly discount: number;
  readonly net: number;
  /** Excluded by the pricer too (the engine excludes an unmatched return). */
  readonly excluded: boolean;
  readonly shares: readonly VoucherShareView[];
}

/** What a sale's pricing came to, whether the engine, the till offline, or nobody priced it. */
export interface SalePricing {
  readonly pricedBy: SaleView['pricedBy'];
  readonly lines: ReadonlyMap<string, LinePrice>;
  readonly applied: readonly AppliedVoucherView[];
  readonly rejected: readonly RefusedVoucher[];
  readonly totals: SaleView['totals'];
  readonly notices: readonly Notice[];
}

const UNPRICED_LINE: LinePrice = { gross: 0, discount: 0, net: 0, excluded: false, shares: [] };

/** An instant of the till's (epoch ms) as the views carry it. */
export function isoInstant(instant: number | null): string | null {
  return instant === null ? null : new Date(instant).toISOString();
}

/** Whether `ref` is one of the codes the cashier scanned or typed (codes compare without case). */
export function wasScanned(ref: string, scannedCodes: readonly string[]): boolean {
  const wanted = ref.toUpperCase();
  return scannedCodes.some((code) => code.toUpperCase() === wanted);
}

/** A refusal of the pricing core, said by its reason; a lock names the basket that holds it. */
export function refusedVoucher(
  rejected: RejectedByPricing,
  scannedCodes: readonly string[],
): RefusedVoucher {
  const until = isoInstant(rejected.lockedUntil);
  const heldBy = rejected.heldBy === null ? null : placeOfBasket(rejected.heldBy);
  return {
    ref: rejected.ref,
    reason: rejected.reason,
    message: rejected.message,
    lockedUntil: until,
    words: rejected.reason,
    params: {
      voucherCode: rejected.ref,
      ...(until === null ? {} : { until }),
      ...(rejected.heldBy === null ? {} : { basketCode: rejected.heldBy }),
      ...(heldBy ?? {}),
    },
    scanned: wasScanned(rejected.ref, scannedCodes),
  };
}

/**
 * What a return line's voucher shares give back as new vouchers: nothing when its pricer did
 * not match it to its purchase (excluded), else the shares stored at the sale.
 */
function vouchersBackOf(line: SaleLine, priced: LinePrice): number {
  return line.returnOf && !priced.excluded ? line.returnOf.vouchersBack : 0;
}

/** The cashier's view of a sale: the one builder, whatever priced it. */
export function saleView(sale: SaleState, pricing: SalePricing, context: ViewContext): SaleView {
  // a return refunds what was paid for the line: its price less the shares that come back as vouchers
  const back = sale.lines.reduce(
    (sum, line) => sum + vouchersBackOf(line, pricing.lines.get(line.lineId) ?? UNPRICED_LINE),
    0,
  );
  return {
    saleId: sale.saleId,
    basketCode: sale.basketCode,
    state: 'open',
    currency: context.currency,
    locale: context.locale,
    customer: sale.memberNumber ? { memberNumber: sale.memberNumber } : null,
    lines: sale.lines.map((line) => {
      const priced = pricing.lines.get(line.lineId) ?? UNPRICED_LINE;
      const lineBack = vouchersBackOf(line, priced);
      return {
        lineId: line.lineId,
        barcode: line.barcode,
        name: line.name,
        quantity: line.quantity,
        unit: line.unit,
        unitPrice: line.unitPrice,
        gross: priced.gross,
        discount: priced.discount - lineBack,
        net: priced.net + lineBack,
        excluded: line.excluded || priced.excluded,
        shares: priced.shares.map((share) => ({ ...share })),
        ...(line.returnOf ? { returnOf: { ...line.returnOf, vouchersBack: lineBack } } : {}),
      };
    }),
    applied: pricing.applied.map((voucher) =>
      voucher.code !== null && wasScanned(voucher.code, sale.voucherCodes)
        ? voucher
        : { ...voucher, fromMember: true },
    ),
    rejected: [...pricing.rejected],
    ...(sale.keptForLater.length === 0
      ? {}
      : { kept: sale.keptForLater.map((kept) => ({ ...kept })) }),
    totals: {
      gross: pricing.totals.gross,
      discount: pricing.totals.discount - back,
      net: pricing.totals.net + back,
    },
    pricedBy: pricing.pricedBy,
    pricing: { state: 'priced' },
    notices: [...pricing.notices],
    now: new Date(context.now).toISOString(),
  };
}

/** What the pricing core made of the sale, with the titles the cashier knows its vouchers by. */
export function localPricing(
  priced: PricedBasket,
  titles: ReadonlyMap<string, string>,
  notices: readonly Notice[],
  scannedCodes: readonly string[] = [],
): SalePricing {
  return {
    pricedBy: 'local',
    lines: new Map(
      priced.lines.map((line) => [
        line.id,
        {
          gross: line.gross,
          discount: line.discount,
          net: line.net,
          excluded: false,
          shares: line.shares,
        },
      ]),
    ),
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
    rejected: priced.rejected.map((rejected) => refusedVoucher(rejected, scannedCodes)),
    totals: {
      gross: priced.totals.gross,
      discount: priced.totals.discount,
      net: priced.totals.net,
    },
    notices,
  };
}

/** The sale's lines at their plain prices, for when the engine has not priced it (yet). */
export function unpricedView(
  sale: SaleState,
  notices: readonly Notice[],
  context: ViewContext,
): SaleView {
  const priced = priceBasket(pricingLines(sale), [], context.now);
  return saleView(sale, localPricing(priced, new Map(), notices, sale.voucherCodes), context);
}

/**
 * The sale while a pricing of it is in flight: its lines at shelf prices, the vouchers as the
 * last answer had them (still held for this basket), and since when the till waits.
 */
export function waitingView(
  sale: SaleState,
  last: SaleView,
  since: number,
  notices: readonly Notice[],
  context: ViewContext,
): SaleView {
  return {
    ...unpricedView(sale, notices, context),
    applied: [...last.applied],
    rejected: [...last.rejected],
    pricing: { state: 'waiting', since: new Date(since).toISOString() },
  };
}
