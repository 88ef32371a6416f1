import type { BasketLine } from '../../src-shared/pricing';
import type { QuantityUnit } from '../../src-shared/till/views';

/**
 * The open sale as the till keeps it between scans: pure values and pure transitions, so
 * that the same state can be priced by the engine, priced locally offline, and journaled.
 * Amounts are integer minor units.
 */
export interface SaleLine {
  readonly lineId: string;
  readonly barcode: string;
  readonly name: string;
  /** Pieces, or kilograms for a weighed item (`unitPrice` is then per kg). */
  readonly quantity: number;
  readonly unit: QuantityUnit;
  /** Negative on a return line. */
  readonly unitPrice: number;
  readonly excluded: boolean;
  /** A return line: the line of a past sale it gives back (docs/spaaza-wire.md, "Returns at the till"). */
  readonly returnOf?: ReturnOf;
}

/** The purchase a return line gives back, and the voucher shares stored at the sale that come back. */
export interface ReturnOf {
  readonly basketCode: string;
  readonly lineId: string;
  readonly vouchersBack: number;
}

export interface SaleState {
  readonly saleId: string;
  readonly basketCode: string;
  readonly memberNumber: string | null;
  readonly lines: readonly SaleLine[];
  /** Voucher codes the cashier scanned, in scan order (the member's own vouchers come from the engine). */
  readonly voucherCodes: readonly string[];
  /** Next line number: line ids are never reused within a sale, so shares stay attached to their line. */
  readonly nextLine: number;
  /** A practice sale of a till in training mode: the engine prices it as a training basket. */
  readonly training?: true;
  /** The member's vouchers the customer keeps for later: the engine leaves them out of this sale. */
  readonly keptForLater: readonly KeptVoucher[];
}

/** A member's voucher the customer keeps for later, as the cashier knows it. */
export interface KeptVoucher {
  readonly voucherKey: string;
  readonly code: string | null;
  readonly title: string;
}

export function newSale(saleId: string, basketCode: string, training = false): SaleState {
  return {
    saleId,
    basketCode,
    memberNumber: null,
    lines: [],
    voucherCodes: [],
    nextLine: 1,
    ...(training ? { training: true as const } : {}),
    keptForLater: [],
  };
}

export interface Product {
  readonly barcode: string;
  readonly name: string;
  /** Pieces when left out. */
  readonly unit?: QuantityUnit;
  readonly unitPrice: number;
  readonly excluded: boolean;
}

/**
 * A second scan of the same product adds to its line rather than a new line (`quantity`
 * pieces, one by default). Each weighing of a weighed item is a line of its own, `quantity` kg.
 */
export function addItem(sale: SaleState, product: Product, quantity = 1): SaleState {
  const unit = product.unit ?? 'piece';
  const existing =
    unit === 'piece'
      ? sale.lines.find(
          (line) =>
            line.barcode === product.barcode &&
            line.unit === 'piece' &&
            Number.isInteger(line.quantity) &&
            !line.returnOf,
        )
      : undefined;
  if (existing) return setQuantity(sale, existing.lineId, existing.quantity + quantity);
  const line: SaleLine = { lineId: `line_${sale.nextLine}`, quantity, ...product, unit };
  return { ...sale, lines: [...sale.lines, line], nextLine: sale.nextLine + 1 };
}

/** A return line for `quantity` of a past sale's line, at minus its unit price; the original's line replaced if there was one. */
export function addReturnLine(
  sale: SaleState,
  line: {
    readonly barcode: string;
    readonly name: string;
    readonly unitPrice: number;
    readonly unit?: QuantityUnit;
  },
  quantity: number,
  returnOf: ReturnOf,
): SaleState {
  const kept = sale.lines.filter(
    (existing) =>
      existing.returnOf?.basketCode !== returnOf.basketCode ||
      existing.returnOf.lineId !== returnOf.lineId,
  );
  const added: SaleLine = {
    lineId: `line_${String(sale.nextLine)}`,
    barcode: line.barcode,
    name: line.name,
    quantity,
    unit: line.unit ?? 'piece',
    unitPrice: -line.unitPrice,
    excluded: false,
    returnOf,
  };
  return { ...sale, lines: [...kept, added], nextLine: sale.nextLine + 1 };
}

/**
 * A return line keeps its quantity: what its shares give back was worked out for it, and what
 * may still go back is checked when it is added (the Return screen adds it again instead).
 */
export function setQuantity(sale: SaleState, lineId: string, quantity: number): SaleState {
  return {
    ...sale,
    lines: sale.lines.map((line) =>
      line.lineId === lineId && !line.returnOf ? { ...line, quantity } : line,
    ),
  };
}

export function removeLine(sale: SaleState, lineId: string): SaleState {
  return { ...sale, lines: sale.lines.filter((line) => line.lineId !== lineId) };
}

export function findLine(sale: SaleState, lineId: string): SaleLine | undefined {
  return sale.lines.find((line) => line.lineId === lineId);
}

export function hasLine(sale: SaleState, lineId: string): boolean {
  return findLine(sale, lineId) !== undefined;
}

export function addVoucherCode(sale: SaleState, code: string): SaleState {
  return sale.voucherCodes.includes(code)
    ? sale
    : { ...sale, voucherCodes: [...sale.voucherCodes, code] };
}

export function removeVoucherCode(sale: SaleState, code: string): SaleState {
  return { ...sale, voucherCodes: sale.voucherCodes.filter((existing) => existing !== code) };
}

/** Another customer (or none): the vouchers the last one kept for later are no longer this sale's business. */
export function setCustomer(sale: SaleState, memberNumber: string | null): SaleState {
  if (memberNumber === sale.memberNumber) return { ...sale, memberNumber };
  return { ...sale, memberNumber, keptForLater: [] };
}

/** The customer keeps this voucher for later: it leaves the sale (once). */
export function keepForLater(sale: SaleState, voucher: KeptVoucher): SaleState {
  if (sale.keptForLater.some((kept) => kept.voucherKey === voucher.voucherKey)) return sale;
  return { ...sale, keptForLater: [...sale.keptForLater, voucher] };
}

/** Undoes a keep for later: the voucher may apply to the sale again. */
export function stopKeepingForLater(sale: SaleState, voucherKey: string): SaleState {
  return {
    ...sale,
    keptForLater: sale.keptForLater.filter((kept) => kept.voucherKey !== voucherKey),
  };
}

/** Nothing scanned yet: no customer, no lines, no voucher codes. */
export function isUntouched(sale: SaleState): boolean {
  return sale.memberNumber === null && sale.lines.length === 0 && sale.voucherCodes.length === 0;
}

/** What void sends: no customer, no lines, no vouchers, so the engine releases every lock of the basket. */
export function emptied(sale: SaleState): SaleState {
  return { ...sale, memberNumber: null, lines: [], voucherCodes: [], keptForLater: [] };
}

/** The sale's lines as the pricing core reads them (for offline pricing and the cross-check). */
export function pricingLines(sale: SaleState): BasketLine[] {
  return sale.lines.map((line) => ({
    id: line.lineId,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    excluded: line.excluded,
    ...(line.returnOf ? { returnItem: true } : {}),
  }));
}
