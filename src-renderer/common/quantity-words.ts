import type { TFunction } from 'i18next';
import { formatQuantity } from '../../src-shared/i18n/formats';
import { formatMoney } from '../../src-shared/money';
import type { QuantityUnit } from '../../src-shared/till/views';

interface Counted {
  readonly quantity: number;
  readonly unit: QuantityUnit;
}

interface Priced {
  readonly unitPrice: number;
  readonly unit: QuantityUnit;
}

/** A line's quantity with its unit where it has one: "24", "0,785 kg". */
export function quantityText(line: Counted, locale: string, t: TFunction): string {
  const quantity = formatQuantity(line.quantity, line.unit, locale);
  return line.unit === 'kg' ? t('screens.sale.units.kg', { quantity }) : quantity;
}

/** A unit price, per kg for a weighed product: "€ 14,95", "€ 12,99/kg". */
export function unitPriceText(
  product: Priced,
  currency: string,
  locale: string,
  t: TFunction,
): string {
  const price = formatMoney(product.unitPrice, currency, locale);
  return product.unit === 'kg' ? t('screens.sale.units.perKg', { price }) : price;
}

/** A weighed line as the cashier checks it against the scale: "0,785 kg × € 12,99/kg". */
export function weighedText(
  line: Counted & Priced,
  currency: string,
  locale: string,
  t: TFunction,
): string {
  return t('screens.sale.units.weighed', {
    quantity: formatQuantity(line.quantity, line.unit, locale),
    price: formatMoney(line.unitPrice, currency, locale),
  });
}
