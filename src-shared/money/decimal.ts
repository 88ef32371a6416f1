import { err, ok, type Result } from '../result';

/** An exact decimal number: coefficient × 10^-scale, with no trailing zeros in the coefficient. */
export interface Decimal {
  readonly coefficient: bigint;
  readonly scale: number;
}

export type NumberErrorCode = 'not_a_number' | 'not_finite' | 'too_many_decimals' | 'out_of_range';
export interface NumberError {
  readonly code: NumberErrorCode;
  readonly message: string;
}

const DECIMAL_TEXT = /^([+-])?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d{1,6}))?$/;
/** Beyond these a value is certainly out of any range this project accepts; checked before any big arithmetic. */
const MAX_INTEGER_DIGITS = 24;
const MAX_SCALE = 24;

/**
 * Reads the exact decimal value a wire number stands for. A JS number is read through its
 * shortest round-trip text (so 20.1 is 201 × 10^-1, not the binary fraction behind it);
 * a string must be plain decimal text. -0 reads as 0: a zero amount has no sign.
 */
export function parseDecimal(input: unknown): Result<Decimal, NumberError> {
  let text: string;
  if (typeof input === 'number') {
    if (Number.isNaN(input)) return err({ code: 'not_a_number', message: 'is not a number (NaN)' });
    if (!Number.isFinite(input))
      return err({ code: 'not_finite', message: 'is not a finite number' });
    text = String(input);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return err({ code: 'not_a_number', message: `is not a number (got ${describe(input)})` });
  }
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return err({ code: 'not_a_number', message: `is not a decimal number ("${text}")` });
  const [, sign, whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  const integerDigits = digits === '0' ? 0 : digits.length - fraction.length + exponent;
  if (integerDigits > MAX_INTEGER_DIGITS) {
    return err({ code: 'out_of_range', message: `is too large (${text})` });
  }
  let coefficient = BigInt(digits);
  let scale = fraction.length - exponent;
  if (coefficient === 0n) return ok({ coefficient: 0n, scale: 0 });
  while (scale > 0 && coefficient % 10n === 0n) {
    coefficient /= 10n;
    scale -= 1;
  }
  if (scale > MAX_SCALE) {
    return err({ code: 'too_many_decimals', message: `has too many decimals (${text})` });
  }
  if (scale < 0) {
    coefficient *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return ok({ coefficient: sign === '-' ? -coefficient : coefficient, scale });
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return typeof input;
}

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [
    a.coefficient * 10n ** BigInt(scale - a.scale),
    b.coefficient * 10n ** BigInt(scale - b.scale),
    scale,
  ];
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return { coefficient: x + y, scale };
}

export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return { coefficient: x - y, scale };
}

export function minDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y] = aligned(a, b);
  return x <= y ? a : b;
}

/** Plain decimal text: { coefficient: -15n, scale: 1 } → "-1.5". */
export function formatDecimal(value: Decimal): string {
  const negative = value.coefficient < 0n;
  const digits = (negative ? -value.coefficient : value.coefficient)
    .toString()
    .padStart(value.scale + 1, '0');
  const text =
    value.scale === 0 ? digits : `${digits.slice(0, -value.scale)}.${digits.slice(-value.scale)}`;
  return negative ? `-${text}` : text;
}
