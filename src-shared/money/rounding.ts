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
 * An amount in minor units rounded to the nearest multiple of `step` (cash rounding: 5 rounds
 * euro cash to 0,05), half away from zero; a step of 1 (or none) leaves it as it is.
 */
export function roundToStep(minor: number, step: number | null): number {
  if (step === null || step <= 1) return minor;
  if (!Number.isSafeInteger(step))
    throw new RangeError('step must be a whole number of minor units');
  return Number(divideRoundHalfAwayFromZero(BigInt(minor), BigInt(step)) * BigInt(step));
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
