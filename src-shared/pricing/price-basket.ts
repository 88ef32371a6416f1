import { parseDecimal, type Decimal } from '../money/decimal';
import { divideRoundHalfAwayFromZero, multiplyMinor } from '../money/rounding';
import type { Instant, Voucher } from '../vouchers/voucher';
import { allocateByLargestRemainder } from './allocate';
import { decideEligibility } from './eligibility';
import type {
  AppliedVoucher,
  BasketLine,
  PricedBasket,
  PricedLine,
  PricingContext,
  VoucherShare,
} from './types';

export const MAX_QUANTITY_DECIMALS = 6;
export const MAX_RATIO_DECIMALS = 6;

/**
 * Prices a basket with vouchers (docs/architecture.md, "Pricing"). Pure: no I/O, inputs untouched, the
 * same answer every time for the same inputs, whatever their order.
 */
export function priceBasket(
  lines: readonly BasketLine[],
  vouchers: readonly Voucher[],
  now: Instant,
  context: PricingContext = {},
): PricedBasket {
  assertUniqueLineIds(lines);
  const gross = lines.map(lineGross);
  const discountable = lines.map(
    (line, index) => !line.excluded && !line.returnItem && (gross[index] ?? 0) >= 0,
  );
  // Allocation visits discountable lines by id, so ties between equal remainders never
  // depend on the order the lines arrived in.
  const targets = lines
    .map((line, index) => ({ id: line.id, index }))
    .filter(({ index }) => discountable[index])
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ index }) => index);
  const running = targets.map((index) => gross[index] ?? 0);
  const shares: VoucherShare[][] = lines.map(() => []);

  const { applicable, rejected } = decideEligibility(vouchers, now, context);
  const applied: AppliedVoucher[] = [];
  for (const voucher of applicable) {
    const available = sum(running);
    const { discount, amountRemaining } = discountOf(voucher, available);
    const parts = allocateByLargestRemainder(discount, running);
    parts.forEach((part, position) => {
      if (part === 0) return;
      running[position] = (running[position] ?? 0) - part;
      const lineIndex = targets[position] ?? -1;
      shares[lineIndex]?.push({ voucherKey: voucher.key, discount: part });
    });
    applied.push({ voucher, discount, amountRemaining });
  }

  const priced: PricedLine[] = lines.map((line, index) => {
    const lineGross = gross[index] ?? 0;
    const lineShares = shares[index] ?? [];
    const discount = sum(lineShares.map((share) => share.discount));
    return {
      id: line.id,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      excluded: line.excluded === true,
      returnItem: line.returnItem === true,
      gross: lineGross,
      discountable: discountable[index] ?? false,
      discount,
      net: lineGross - discount,
      shares: lineShares,
    };
  });
  const totalGross = sum(gross);
  const totalDiscount = sum(applied.map((voucher) => voucher.discount));
  return {
    lines: priced,
    applied,
    rejected,
    totals: {
      gross: totalGross,
      discountable: sum(targets.map((index) => gross[index] ?? 0)),
      discount: totalDiscount,
      net: totalGross - totalDiscount,
    },
  };
}

function discountOf(
  voucher: Voucher,
  available: number,
): { discount: number; amountRemaining: number } {
  switch (voucher.type) {
    case 'basket_pct':
      return { discount: multiplyMinor(available, ratioOf(voucher.ratio)), amountRemaining: 0 };
    case 'basket': {
      const discount = Math.min(voucher.amount, available);
      return { discount, amountRemaining: voucher.amount - discount };
    }
    case 'honour':
      return { discount: 0, amountRemaining: 0 };
  }
}

/** quantity × unit price, rounded once; whole quantities need no decimal arithmetic. */
export function lineGross(line: BasketLine): number {
  const product = line.quantity * line.unitPrice;
  if (Number.isSafeInteger(line.quantity) && line.quantity > 0 && Number.isSafeInteger(product)) {
    return product;
  }
  return multiplyMinor(line.unitPrice, quantityOf(line));
}

function quantityOf(line: BasketLine): Decimal {
  const parsed = parseDecimal(line.quantity);
  if (!parsed.ok || parsed.value.coefficient <= 0n || parsed.value.scale > MAX_QUANTITY_DECIMALS) {
    throw new RangeError(
      `line ${line.id}: quantity ${line.quantity} must be positive with at most ${MAX_QUANTITY_DECIMALS} decimals`,
    );
  }
  return parsed.value;
}

function ratioOf(ratio: number): Decimal {
  const parsed = parseDecimal(ratio);
  if (
    !parsed.ok ||
    parsed.value.coefficient <= 0n ||
    parsed.value.scale > MAX_RATIO_DECIMALS ||
    ratio > 1
  ) {
    throw new RangeError(
      `discount ratio ${ratio} must be in (0, 1] with at most ${MAX_RATIO_DECIMALS} decimals`,
    );
  }
  return parsed.value;
}

function assertUniqueLineIds(lines: readonly BasketLine[]): void {
  const ids = new Set(lines.map((line) => line.id));
  if (ids.size !== lines.length) throw new RangeError('basket line ids must be unique');
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, value) => acc + value, 0);
}

/** The unit price a discounted line works out at: net ÷ quantity, by the one rounding rule. */
export function unitPriceOf(net: number, quantity: number): number {
  const q = quantityOf({ id: 'unit price', quantity, unitPrice: 0 });
  return Number(divideRoundHalfAwayFromZero(BigInt(net) * 10n ** BigInt(q.scale), q.coefficient));
}
