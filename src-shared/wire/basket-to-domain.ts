import { MAX_AMOUNT_MINOR, isAmount, toMinorUnits } from '../money/amount';
import type { ChargedBasket, ChargedLine } from '../pricing/charged';
import { lineGross } from '../pricing/price-basket';
import type { BasketLine } from '../pricing/types';
import { err, ok, type Result } from '../result';
import type { GetBasketPriceRequest, WireBasket } from './basket-request';
import { isTimeZoneName } from './datetime';
import type { FieldIssue } from '../validation/issues';

/** A wire basket's amounts in minor units: what to price, what was charged, how it was paid. */
export interface BasketFigures {
  /** Priced from `item_original_price`, else `item_price`. */
  readonly lines: BasketLine[];
  readonly charged: ChargedBasket;
  /** `payment_methods`, null when not sent. */
  readonly payments: readonly { readonly method: string; readonly amount: number }[] | null;
  /** `basket_tax`, null when not sent. */
  readonly tax: readonly { readonly rate: number; readonly total: number }[] | null;
}

/**
 * The one conversion of a wire basket's amounts into minor units. Every amount is checked
 * against the currency's decimals; each line gets its `retailer_item_code` as id, or
 * `line_<n>` when it has none. A line is priced from the price before discounts
 * (`item_original_price`) when the till sends one, as a till that applied the vouchers itself
 * sends the discounted price in `item_price`; else from `item_price`. All issues are reported
 * together, by field path. Every line's total, and the sum of them all, must stay within the
 * largest amount, so that every total the pricing works out (however the lines are grouped) is
 * an amount the answer can carry.
 */
export function basketFromWire(
  basket: WireBasket,
  currency: string,
): Result<BasketFigures, FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const amount = (value: number | undefined, path: string): number => {
    if (value === undefined) return 0;
    const converted = toMinorUnits(value, currency);
    if (converted.ok) return converted.value;
    issues.push({ path, message: converted.error.message });
    return 0;
  };
  const optionalAmount = (value: number | undefined, path: string): number | null =>
    value === undefined ? null : amount(value, path);

  const total = optionalAmount(basket.basket_total_price, 'basket.basket_total_price');
  const shipping = amount(basket.shipping_charge, 'basket.shipping_charge');
  const payments =
    basket.payment_methods?.map((payment, index) => ({
      method: payment.payment_method,
      amount: amount(payment.payment_amount, `basket.payment_methods[${index}].payment_amount`),
    })) ?? null;
  const tax =
    basket.basket_tax?.map((entry, index) => ({
      rate: entry.tax_rate,
      total: amount(entry.tax_total, `basket.basket_tax[${index}].tax_total`),
    })) ?? null;

  const ids = new Set<string>();
  const charged: ChargedLine[] = [];
  const lines = basket.basket_items.map((item, index): BasketLine => {
    const path = `basket.basket_items[${index}]`;
    const id = item.retailer_item_code ?? `line_${index + 1}`;
    if (ids.has(id)) {
      issues.push({
        path: `${path}.retailer_item_code`,
        message: `"${id}" is used by an earlier line`,
      });
    }
    ids.add(id);
    const original = optionalAmount(item.item_original_price, `${path}.item_original_price`);
    const subtotal = optionalAmount(item.item_subtotal, `${path}.item_subtotal`);
    const chargedUnit = amount(item.item_price, `${path}.item_price`);
    if (item.return_item === true && original !== null && original > 0)
      issues.push({
        path: `${path}.item_original_price`,
        message: 'a return line carries a negative price',
      });
    charged.push({ id, quantity: item.item_quantity, unitPrice: chargedUnit, subtotal });
    return {
      id,
      quantity: item.item_quantity,
      unitPrice: original ?? chargedUnit,
      excluded: item.excluded_from_spaaza === true,
      returnItem: item.return_item === true,
    };
  });
  // what was priced and what was charged must both be amounts the engine can store and answer
  if (issues.length === 0)
    issues.push(...totalIssues(lines, (index) => pricedField(basket, index)));
  if (issues.length === 0) issues.push(...totalIssues(charged, () => 'item_price'));
  if (issues.length > 0) return err(issues);
  return ok({ lines, charged: { lines: charged, total, shipping }, payments, tax });
}

/** The field a line was priced from, to name it in an issue. */
function pricedField(basket: WireBasket, index: number): string {
  return basket.basket_items[index]?.item_original_price === undefined
    ? 'item_price'
    : 'item_original_price';
}

function totalIssues(
  lines: readonly BasketLine[],
  fieldOf: (index: number) => string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let sum = 0;
  lines.forEach((line, index) => {
    const gross = lineGross(line);
    if (isAmount(gross)) sum += Math.abs(gross);
    else
      issues.push({
        path: `basket.basket_items[${index}].${fieldOf(index)}`,
        message: 'times item_quantity is beyond the largest supported amount',
      });
  });
  if (issues.length === 0 && sum > MAX_AMOUNT_MINOR)
    issues.push({
      path: 'basket.basket_items',
      message: 'the lines add up to more than the largest supported amount',
    });
  return issues;
}

/** What a stored sale says about itself besides its lines: when, where, by whom, paid how. */
export interface SaleFacts {
  /** `basket_timestamp_iso8601`; null when not sent (or sent empty): the time it was received. */
  readonly soldAt: number | null;
  readonly timezone: string | null;
  readonly platformType: string | null;
  readonly employeeCode: string | null;
  readonly employeeName: string | null;
  readonly payments: BasketFigures['payments'];
  readonly tax: BasketFigures['tax'];
  readonly notes: string | null;
  /** What the till said each line is, in the order sent: its barcode and name. */
  readonly items: readonly { readonly barcode: string | null; readonly name: string | null }[];
}

/** The sale facts of a basket request, its amounts already in minor units (`figures`). */
export function saleFactsFromWire(
  request: GetBasketPriceRequest,
  figures: Pick<BasketFigures, 'payments' | 'tax'>,
): Result<SaleFacts, FieldIssue[]> {
  const { basket, entity } = request;
  const timezone = basket.basket_timezone_name ?? null;
  if (timezone !== null && !isTimeZoneName(timezone))
    return err([
      {
        path: 'basket.basket_timezone_name',
        message: `"${timezone}" is not an IANA time zone name (such as Europe/Amsterdam)`,
      },
    ]);
  const stamp = basket.basket_timestamp_iso8601;
  return ok({
    soldAt: stamp === undefined || stamp === '' ? null : Date.parse(stamp),
    timezone,
    platformType: basket.basket_platform_type ?? null,
    employeeCode: entity.employee_code ?? null,
    employeeName: entity.employee_name ?? null,
    payments: figures.payments,
    tax: figures.tax,
    notes: basket.basket_notes ?? null,
    items: basket.basket_items.map((item) => ({
      barcode: item.item_barcode ?? null,
      name: item.item_name ?? null,
    })),
  });
}
