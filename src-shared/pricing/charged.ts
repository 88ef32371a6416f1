import { lineGross } from './price-basket';
import type { PricedBasket } from './types';

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

/** `basket_total_price` when sent, else every charged line plus the shipping charge. */
export function totalCharged(charged: ChargedBasket): number {
  return charged.total ?? sum(charged.lines.map(chargedLineTotal)) + charged.shipping;
}

/**
 * Every charged figure beyond its tolerance of the engine's pricing: each line's
 * `item_price × item_quantity` and `item_subtotal` against the line net, and
 * `basket_total_price` against the net total plus the shipping charge. Lines are matched by
 * position, as the pricing keeps the request's order.
 */
export function chargeMismatches(charged: ChargedBasket, priced: PricedBasket): ChargeMismatch[] {
  const mismatches: ChargeMismatch[] = [];
  const check = (
    field: ChargeMismatch['field'],
    lineId: string | null,
    amount: number,
    expected: number,
    tolerance: number,
  ) => {
    if (Math.abs(amount - expected) > tolerance)
      mismatches.push({ field, lineId, charged: amount, priced: expected });
  };
  let basketTolerance = 0;
  charged.lines.forEach((line, index) => {
    const net = priced.lines[index]?.net ?? 0;
    const tolerance = chargeTolerance(line.quantity);
    basketTolerance += tolerance;
    check('item_price', line.id, chargedLineTotal(line), net, tolerance);
    if (line.subtotal !== null) check('item_subtotal', line.id, line.subtotal, net, tolerance);
  });
  if (charged.total !== null)
    check(
      'basket_total_price',
      null,
      charged.total,
      priced.totals.net + charged.shipping,
      Math.max(1, basketTolerance),
    );
  return mismatches;
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, value) => acc + value, 0);
}
