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
  const bigTotal = BigInt(total);
  const bigSum = BigInt(sum);
  const parts = weights.map((weight, index) => {
    const exact = bigTotal * BigInt(weight);
    return { index, floor: exact / bigSum, remainder: exact % bigSum };
  });
  const shares = parts.map((part) => Number(part.floor));
  let left = total - shares.reduce((acc, share) => acc + share, 0);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (left === 0) break;
    shares[part.index] = (shares[part.index] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}
