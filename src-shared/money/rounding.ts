import type { Decimal } from './decimal';

/**
 * The project's one rounding rule: numerator / denominator, rounded half away from zero.
 * Exact, because it works on integers.
 */
export function divideRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (2n * denominator);
  return negative ? -rounded : rounded;
}

/** An amount in minor units times an exact decimal factor (a quantity, a ratio), rounded once. */
export function multiplyMinor(minor: number, factor: Decimal): number {
  return Number(
    divideRoundHalfAwayFromZero(BigInt(minor) * factor.coefficient, 10n ** BigInt(factor.scale)),
  );
}

/**
 * The part of `minor` that `part` of `whole` carries (a returned quantity of the quantity
 * bought), rounded once: `minor × part ÷ whole`. Exact on the decimals.
 */
export function proportionOfMinor(minor: number, part: Decimal, whole: Decimal): number {
  if (whole.coefficient <= 0n) throw new RangeError('whole must be positive');
  return Number(
    divideRoundHalfAwayFromZero(
      BigInt(minor) * part.coefficient * 10n ** BigInt(whole.scale),
      whole.coefficient * 10n ** BigInt(part.scale),
    ),
  );
}
