/**
 * Deterministic subsample: at most maxPoints indices spread evenly over [0, n), always keeping the first and last.
 * Bounds O(n^2) statistics (Theil-Sen, Mann-Kendall) on long series without randomness.
 */
export function evenSubsample(n: number, maxPoints: number): number[] {
  if (maxPoints < 2) throw new RangeError(`evenSubsample requires maxPoints >= 2, got ${maxPoints}`);
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / (maxPoints - 1);
  const indices: number[] = [];
  for (let k = 0; k < maxPoints; k++) indices.push(Math.round(k * step));
  return indices;
}
