import { MAX_AMOUNT_MINOR, isAmount, toMinorUnits } from '../money/amount';
import { lineGross } from '../pricing/price-basket';
import type { BasketLine } from '../pricing/types';
import { err, ok, type Result } from '../result';
import type { WireBasket } from './basket-request';
import type { FieldIssue } from '../validation/issues';

/**
 * The one conversion of a wire basket's amounts into minor units. Every amount is checked
 * against the currency's decimals; each line gets its `retailer_item_code` as id, or
 * `line_<n>` when it has none. All issues are reported together, by field path. Every line's
 * total, and the sum of them all, must stay within the largest amount, so that every total the
 * pricing works out (however the lines are grouped) is an amount the answer can carry.
 */
export function basketLinesFromWire(
  basket: WireBasket,
  currency: string,
): Result<BasketLine[], FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const amount = (value: number | undefined, path: string): number => {
    if (value === undefined) return 0;
    const converted = toMinorUnits(value, currency);
    if (converted.ok) return converted.value;
    issues.push({ path, message: converted.error.message });
    return 0;
  };

  amount(basket.basket_total_price, 'basket.basket_total_price');
  amount(basket.shipping_charge, 'basket.shipping_charge');
  basket.payment_methods?.forEach((payment, index) => {
    amount(payment.payment_amount, `basket.payment_methods[${index}].payment_amount`);
  });
  basket.basket_tax?.forEach((tax, index) => {
    amount(tax.tax_total, `basket.basket_tax[${index}].tax_total`);
  });

  const ids = new Set<string>();
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
    amount(item.item_original_price, `${path}.item_original_price`);
    amount(item.item_subtotal, `${path}.item_subtotal`);
    return {
      id,
      quantity: item.item_quantity,
      unitPrice: amount(item.item_price, `${path}.item_price`),
      excluded: item.excluded_from_spaaza === true,
      returnItem: item.return_item === true,
    };
  });
  if (issues.length === 0) issues.push(...totalIssues(lines));
  return issues.length === 0 ? ok(lines) : err(issues);
}

function totalIssues(lines: readonly BasketLine[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let sum = 0;
  lines.forEach((line, index) => {
    const gross = lineGross(line);
    if (isAmount(gross)) sum += Math.abs(gross);
    else
      issues.push({
        path: `basket.basket_items[${index}].item_price`,
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
