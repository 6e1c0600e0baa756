/**
 * Mann-Kendall test for a monotonic trend, two-sided, with the tie correction of the variance of S
 * and the continuity correction of Z. O(n^2): callers subsample long series (evenSubsample) first.
 */
import { normalCdf } from './normal-distribution.ts';

export interface MannKendallResult {
  /** Sum of sign(y_j - y_i) over i < j. */
  s: number;
  /** Variance of S under H0, tie-corrected. */
  varS: number;
  z: number;
  /** Two-sided p-value. */
  pValue: number;
}

export function mannKendall(ys: ArrayLike<number>): MannKendallResult {
  const n = ys.length;
  if (n < 3) throw new RangeError(`mannKendall requires at least 3 points, got ${n}`);
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    const yi = ys[i]!;
    for (let j = i + 1; j < n; j++) {
      const d = ys[j]! - yi;
      s += d > 0 ? 1 : d < 0 ? -1 : 0;
    }
  }
  return mannKendallOf(s, mannKendallVariance(ys));
}

/** Z (continuity-corrected) and the two-sided p-value of S under a given Var(S): the plain one, or a corrected one. */
export function mannKendallOf(s: number, varS: number): MannKendallResult {
  const z = varS === 0 ? 0 : s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0;
  const pValue = varS === 0 ? 1 : Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return { s, varS, z, pValue };
}

/** Var(S) = [n(n-1)(2n+5) - sum over tie groups t(t-1)(2t+5)] / 18. */
export function mannKendallVariance(ys: ArrayLike<number>): number {
  const n = ys.length;
  const sorted = Float64Array.from(ys as ArrayLike<number>).sort();
  let tieTerm = 0;
  let run = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && sorted[i] === sorted[i - 1]) run++;
    else {
      if (run > 1) tieTerm += run * (run - 1) * (2 * run + 5);
      run = 1;
    }
  }
  return (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
}
