import { err, ok, type Result } from '../result';
import { currencyExponent } from './currency';
import { parseDecimal, type NumberError } from './decimal';

/**
 * The largest amount, in minor units, that the wire can carry. A JSON number holds 15
 * significant decimal digits exactly; past that, 9999999999999999.99 would not come back
 * as itself. For EUR the limit is 9 999 999 999 999.99.
 */
export const MAX_AMOUNT_MINOR = 999_999_999_999_999;

/**
 * Converts a wire amount (decimal major units, as a JSON number or numeric string) to
 * integer minor units of the currency. Rejects NaN, infinities, text that is not a number,
 * more decimals than the currency has, and amounts beyond {@link MAX_AMOUNT_MINOR}.
 * -0 becomes 0.
 */
export function toMinorUnits(amount: unknown, currency: string): Result<number, NumberError> {
  const exponent = currencyExponent(currency);
  const parsed = parseDecimal(amount);
  if (!parsed.ok) return parsed;
  const { coefficient, scale } = parsed.value;
  if (scale > exponent) {
    const allowed = exponent === 0 ? 'no decimals' : `at most ${exponent} decimals`;
    return err({
      code: 'too_many_decimals',
      message: `has ${scale} decimals but ${currency} allows ${allowed} (${String(amount)})`,
    });
  }
  const minor = coefficient * 10n ** BigInt(exponent - scale);
  if (minor > BigInt(MAX_AMOUNT_MINOR) || minor < -BigInt(MAX_AMOUNT_MINOR)) {
    return err({
      code: 'out_of_range',
      message: `is beyond the largest supported amount (${String(amount)})`,
    });
  }
  return ok(Number(minor));
}

/** The wire's decimal text for an amount in minor units: 1999 EUR → "19.99", -5 EUR → "-0.05". */
export function toMajorText(minor: number, currency: string): string {
  assertAmount(minor);
  const exponent = currencyExponent(currency);
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const sign = minor < 0 ? '-' : '';
  return exponent === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/** The wire's JSON number for an amount in minor units; it reads back to the same minor units. */
export function toMajorUnits(minor: number, currency: string): number {
  return Number(toMajorText(minor, currency));
}

export function isAmount(minor: number): boolean {
  return Number.isSafeInteger(minor) && Math.abs(minor) <= MAX_AMOUNT_MINOR;
}

function assertAmount(minor: number): void {
  if (!isAmount(minor)) {
    throw new RangeError(`not an amount in minor units: ${minor}`);
  }
}
