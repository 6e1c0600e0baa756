/**
 * A robust trend of one series over a window: Theil-Sen slope with Sen's confidence interval and the Mann-Kendall
 * p-value, x in minutes. Long series are first reduced to bucket medians (deterministic) to bound the O(n^2) cost.
 * With options.autocorrelated the p-value allows for autocorrelation (autocorrelated-mann-kendall.ts, the lag-1 of
 * the Theil-Sen residuals); Sen's interval is the plain one either way.
 */
import { bucketMedians } from './bucket-medians.ts';
import { mannKendallAutocorrected } from './autocorrelated-mann-kendall.ts';
import { mannKendall } from './mann-kendall.ts';
import { theilSen } from './theil-sen.ts';

export const MAX_TREND_POINTS = 400;
const MIN_TREND_POINTS = 5;
const MS_PER_MIN = 60_000;

/**
 * The fitted line. Declared here so that stats imports nothing; the report's trend schema is checked against it.
 */
export interface FittedTrend {
  slopePerMin: number;
  /** Confidence interval of the slope (per minute) at options.confidence. */
  ciLowPerMin: number;
  ciHighPerMin: number;
  /** Value of the fitted line at fromMs (for drawing). */
  interceptAtFrom: number;
  fromMs: number;
  toMs: number;
  /** Points after warm-up, before the bucket-median reduction. */
  points: number;
  /** Mann-Kendall two-sided p-value for a monotonic trend. */
  pValue: number;
  unit: string;
}

export interface FitTrendOptions {
  /** Points before fromMs (warm-up) are excluded. */
  fromMs: number;
  confidence: number;
  unit: string;
  /** Multiplies y before fitting (e.g. bytes -> MB). */
  yScale?: number;
  /** Widen Var(S) for autocorrelated samples (thresholds.trendAutocorrelation); default: the plain test. */
  autocorrelated?: boolean;
}

/** null when fewer than 5 points (or fewer than 2 distinct times) remain after warm-up. */
export function fitTrend(tMs: ArrayLike<number>, values: ArrayLike<number>, options: FitTrendOptions): FittedTrend | null {
  const yScale = options.yScale ?? 1;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < tMs.length; i++) {
    if (tMs[i]! < options.fromMs) continue;
    xs.push(tMs[i]! / MS_PER_MIN);
    ys.push(values[i]! * yScale);
  }
  if (xs.length < MIN_TREND_POINTS || xs[0] === xs[xs.length - 1]) return null;
  const reduced = bucketMedians(xs, ys, MAX_TREND_POINTS);
  const fit = theilSen(reduced.xs, reduced.ys, options.confidence);
  const { pValue } = options.autocorrelated
    ? mannKendallAutocorrected(
        reduced.ys,
        reduced.ys.map((y, i) => y - fit.slope * reduced.xs[i]!),
      )
    : mannKendall(reduced.ys);
  const fromMs = xs[0]! * MS_PER_MIN;
  return {
    slopePerMin: fit.slope,
    ciLowPerMin: fit.ciLow,
    ciHighPerMin: fit.ciHigh,
    interceptAtFrom: fit.intercept + fit.slope * xs[0]!,
    fromMs,
    toMs: xs[xs.length - 1]! * MS_PER_MIN,
    points: xs.length,
    pValue,
    unit: options.unit,
  };
}
