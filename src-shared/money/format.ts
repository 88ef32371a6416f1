import { toMajorUnits } from './amount';
import { currencyExponent } from './currency';

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = currencyExponent(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Display text for an amount in minor units, e.g. 1999 EUR in nl-NL → "€ 19,99". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return formatterFor(currency, locale).format(toMajorUnits(minor, currency));
}
