/**
 * Theil-Sen estimator: the median of all pairwise slopes, with Sen's (1968) distribution-free confidence
 * interval from the variance of Kendall's S. Robust to up to ~29% outliers. O(n^2 log n): callers subsample
 * long series (evenSubsample) first.
 */
import { mannKendallVariance } from './mann-kendall.ts';
import { normalQuantile } from './normal-distribution.ts';
import { quantileSorted } from './quantile-sorted.ts';

export interface TheilSenFit {
  slope: number;
  /** Median of y - slope * x (Conover's intercept). */
  intercept: number;
  ciLow: number;
  ciHigh: number;
  points: number;
}

export function theilSen(xs: ArrayLike<number>, ys: ArrayLike<number>, confidence = 0.95): TheilSenFit {
  const n = xs.length;
  if (n !== ys.length) throw new RangeError(`theilSen requires xs and ys of equal length (${n} vs ${ys.length})`);
  if (n < 3) throw new RangeError(`theilSen requires at least 3 points, got ${n}`);
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let m = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = xs[j]! - xs[i]!;
      if (dx !== 0) slopes[m++] = (ys[j]! - ys[i]!) / dx;
    }
  }
  if (m === 0) throw new RangeError('theilSen requires at least 2 distinct x values');
  const sorted = slopes.subarray(0, m).sort();
  const slope = quantileSorted(sorted, 0.5);
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) residuals[i] = ys[i]! - slope * xs[i]!;
  const intercept = quantileSorted(residuals.sort(), 0.5);
  // Sen's interval: ranks (m - C)/2 and (m + C)/2 + 1 of the ordered slopes, C = z * sqrt(Var S).
  const c = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(mannKendallVariance(ys));
  const lowerRank = Math.max(1, Math.floor((m - c) / 2));
  const upperRank = Math.min(m, Math.ceil((m + c) / 2) + 1);
  return { slope, intercept, ciLow: sorted[lowerRank - 1]!, ciHigh: sorted[upperRank - 1]!, points: n };
}
