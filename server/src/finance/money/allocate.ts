/**
 * Splitting an amount of minor units into parts that add up to it exactly, by the largest
 * remainder method: each part gets the floor of its exact share, then the units left over
 * go one each to the parts with the largest remainders (ties: the earlier part).
 */
export function allocate(amount: number, ratios: readonly number[]): number[] {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`${amount} is not an integer amount of minor units`);
  if (ratios.length === 0) throw new RangeError('allocate needs at least one ratio');
  if (ratios.some((r) => !Number.isSafeInteger(r) || r < 0)) throw new RangeError('ratios must be non-negative integers');
  const weights = ratios.map(BigInt);
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n) throw new RangeError('ratios must not all be zero');
  // Work on the magnitude so a refund splits as the mirror image of the purchase.
  const sign = amount < 0 ? -1n : 1n;
  const magnitude = BigInt(Math.abs(amount));
  const shares = weights.map((w) => (magnitude * w) / total);
  const remainders = weights.map((w, i) => ({ i, r: (magnitude * w) % total }));
  let left = magnitude - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i] = shares[i]! + 1n;
    left -= 1n;
  }
  return shares.map((s) => Number(s * sign));
}

/** N parts as equal as minor units allow; the first parts take the odd units. */
export function split(amount: number, parts: number): number[] {
  if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError('parts must be a positive integer');
  return allocate(amount, new Array<number>(parts).fill(1));
}
