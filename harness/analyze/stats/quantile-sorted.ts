/**
 * Quantiles by linear interpolation between order statistics (R type 7, numpy's default), on simple-statistics.
 * simple-statistics 7.12's quantileSorted is type 7 (index (n - 1) * q, exact order statistic at whole indices);
 * its quantile selects the needed order statistics in O(n) instead of sorting. Here only the checks are ours, so
 * that errors name the function and the rule, and a NaN q is rejected instead of answered with NaN.
 */
import { quantile as selectQuantile, quantileSorted as interpolateSorted } from 'simple-statistics';

function checkQuantileInput(name: string, length: number, q: number): void {
  if (length === 0) throw new RangeError(`${name} requires at least 1 value`);
  if (!(q >= 0 && q <= 1)) throw new RangeError(`${name} requires 0 <= q <= 1, got ${q}`);
}

/** Quantile of an ascending-sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  checkQuantileInput('quantileSorted', sorted.length, q);
  // simple-statistics only reads length and indices, so a typed array serves as well as number[].
  return interpolateSorted(sorted as readonly number[], q);
}

/** Quantile of unsorted values (copies, does not mutate); null when there are none. */
export function quantile(values: ArrayLike<number>, q: number): number | null {
  if (values.length === 0) return null;
  checkQuantileInput('quantile', values.length, q);
  // simple-statistics copies with slice() before selecting in place: plain and typed arrays have it.
  return selectQuantile(Array.isArray(values) || values instanceof Float64Array ? (values as readonly number[]) : Array.from(values), q);
}

/** Median of unsorted values; null when there are none. */
export function median(values: ArrayLike<number>): number | null {
  return quantile(values, 0.5);
}
