/**
 * Splits `total` into integer parts proportional to `weights` by the largest-remainder
 * method: each part is the floor of its exact share, and the units left over go to the
 * largest fractional remainders (the earlier weight wins a tie). The parts add up to
 * `total` exactly and no part exceeds its weight when total ≤ the sum of the weights.
 */
export function allocateByLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`cannot allocate ${total}: expected a non-negative integer`);
  }
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  if (total === 0) return weights.map(() => 0);
  if (weights.some((weight) => !Number.isSafeInteger(weight) || weight < 0) || total > sum) {
    throw new RangeError(`cannot allocate ${total} over weights summing to ${sum}`);
  }
  const parts = weights.map((weight, index) => ({ index, ...divide(total, weight, sum) }));
  const shares = parts.map((part) => part.floor);
  let left = total - shares.reduce((acc, share) => acc + share, 0);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder > b.remainder ? -1 : a.remainder < b.remainder ? 1 : a.index - b.index,
  );
  for (const part of byRemainder) {
    if (left === 0) break;
    shares[part.index] = (shares[part.index] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

/**
 * floor(total × weight / sum) and its remainder, exactly: in doubles while the product is
 * an exact integer (the common case, and much faster), in bigints beyond that.
 */
function divide(
  total: number,
  weight: number,
  sum: number,
): { floor: number; remainder: number | bigint } {
  const product = total * weight;
  if (Number.isSafeInteger(product + sum)) {
    let floor = Math.floor(product / sum);
    let remainder = product - floor * sum;
    // the division is rounded to the nearest double, so the floor can be one off either way
    if (remainder < 0) {
      floor -= 1;
      remainder += sum;
    } else if (remainder >= sum) {
      floor += 1;
      remainder -= sum;
    }
    return { floor, remainder };
  }
  const exact = BigInt(total) * BigInt(weight);
  const bigSum = BigInt(sum);
  return { floor: Number(exact / bigSum), remainder: exact % bigSum };
}
