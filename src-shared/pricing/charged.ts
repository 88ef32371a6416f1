import { lineGross } from './price-basket';
import type { PricedBasket, PricedLine } from './types';

/** One line as the till says it charged it: amounts in minor units. */
export interface ChargedLine {
  readonly id: string;
  readonly quantity: number;
  /** `item_price`: the unit price the customer paid. */
  readonly unitPrice: number;
  /** `item_subtotal` when sent. */
  readonly subtotal: number | null;
}

/** What the till says the customer paid for a basket. */
export interface ChargedBasket {
  readonly lines: readonly ChargedLine[];
  /** `basket_total_price` when sent. */
  readonly total: number | null;
  /** `shipping_charge`, 0 when not sent: part of what was paid, not of any line. */
  readonly shipping: number;
}

/** A figure the till charged that the engine's pricing does not explain. */
export interface ChargeMismatch {
  readonly field: 'item_price' | 'item_subtotal' | 'basket_total_price';
  /** The line's id; null for the basket total. */
  readonly lineId: string | null;
  readonly charged: number;
  readonly priced: number;
}

/**
 * How far, in minor units, a line the till charged may be from the engine's line net: one
 * minor unit for each started unit of quantity. A till shows and charges a rounded unit price
 * (`item_price`), while the engine rounds a line's discount once for the whole line; each unit
 * can be up to half a minor unit off, so 5 × 16.67 may rightly stand for a line of 83.33.
 * A basket's tolerance is the sum of its lines'.
 */
export function chargeTolerance(quantity: number): number {
  return Math.max(1, Math.ceil(quantity));
}

/** `item_price × item_quantity`, rounded as the engine rounds a line. */
export function chargedLineTotal(line: ChargedLine): number {
  return lineGross({ id: line.id, quantity: line.quantity, unitPrice: line.unitPrice });
}

/**
 * Whether a charged line amount is right: within the tolerance of the line net (a till that
 * took the vouchers off the line) or of the line gross at the price it is priced from (a till
 * that keeps lines at the shelf price and takes the vouchers off the total).
 */
function chargedRightly(amount: number, line: PricedLine, tolerance: number): boolean {
  return Math.abs(amount - line.net) <= tolerance || Math.abs(amount - line.gross) <= tolerance;
}

/** `basket_total_price` when sent, else every charged line plus the shipping charge. */
export function totalCharged(charged: ChargedBasket): number {
  return charged.total ?? sum(charged.lines.map(chargedLineTotal)) + charged.shipping;
}

/**
 * Every charged figure beyond its tolerance of the engine's pricing: each line's
 * `item_price × item_quantity` and `item_subtotal` against the line net or gross (see
 * `chargedRightly`), and `basket_total_price`, only when sent, against the net total plus the
 * shipping charge. A line's mismatch names the net as the priced amount. Lines are matched by
 * position, as the pricing keeps the request's order.
 */
export function chargeMismatches(charged: ChargedBasket, priced: PricedBasket): ChargeMismatch[] {
  const mismatches: ChargeMismatch[] = [];
  let basketTolerance = 0;
  charged.lines.forEach((line, index) => {
    const pricedLine = priced.lines[index];
    const tolerance = chargeTolerance(line.quantity);
    basketTolerance += tolerance;
    const figures: [ChargeMismatch['field'], number | null][] = [
      ['item_price', chargedLineTotal(line)],
      ['item_subtotal', line.subtotal],
    ];
    for (const [field, amount] of figures) {
      if (amount === null) continue;
      if (pricedLine !== undefined && chargedRightly(amount, pricedLine, tolerance)) continue;
      mismatches.push({ field, lineId: line.id, charged: amount, priced: pricedLine?.net ?? 0 });
    }
  });
  if (charged.total !== null) {
    const expected = priced.totals.net + charged.shipping;
    if (Math.abs(charged.total - expected) > Math.max(1, basketTolerance))
      mismatches.push({
        field: 'basket_total_price',
        lineId: null,
        charged: charged.total,
        priced: expected,
      });
  }
  return mismatches;
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, value) => acc + value, 0);
}
