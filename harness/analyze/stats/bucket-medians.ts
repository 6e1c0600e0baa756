/**
 * Reduce a long series to at most maxPoints by replacing each run of consecutive points with its median point
 * (median x, median y). Deterministic; keeps the trend and drops the noise, so O(n^2) fits stay bounded.
 */
import { quantileSorted } from './quantile-sorted.ts';

export function bucketMedians(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints: number): { xs: number[]; ys: number[] } {
  const n = xs.length;
  if (n <= maxPoints) return { xs: Array.from(xs), ys: Array.from(ys) };
  const size = n / maxPoints;
  const outX: number[] = [];
  const outY: number[] = [];
  for (let b = 0; b < maxPoints; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(n, Math.floor((b + 1) * size));
    if (end <= start) continue;
    const bucketX = new Float64Array(end - start);
    const bucketY = new Float64Array(end - start);
    for (let i = start; i < end; i++) {
      bucketX[i - start] = xs[i]!;
      bucketY[i - start] = ys[i]!;
    }
    outX.push(quantileSorted(bucketX.sort(), 0.5));
    outY.push(quantileSorted(bucketY.sort(), 0.5));
  }
  return { xs: outX, ys: outY };
}
