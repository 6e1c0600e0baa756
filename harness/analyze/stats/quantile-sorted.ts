/** Quantile of an ascending-sorted array, linear interpolation between order statistics (R type 7, numpy default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileSorted requires at least 1 value');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantileSorted requires 0 <= q <= 1, got ${q}`);
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Quantile of unsorted values (copies, does not mutate); null when there are none. */
export function quantile(values: ArrayLike<number>, q: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return quantileSorted(sorted, q);
}

/** Median of unsorted values; null when there are none. */
export function median(values: ArrayLike<number>): number | null {
  return quantile(values, 0.5);
}
