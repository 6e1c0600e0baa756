/**
 * Compares two fitted trends: a z-test on the difference of slopes with standard errors derived from each trend's
 * confidence interval (half-width / z_{(1+c)/2}), and whether the two intervals overlap. Pure module.
 */
import type { Trend } from '../report/report-schema.ts';
import { normalCdf, normalQuantile } from '../stats/normal-distribution.ts';

export interface SlopeZTestResult {
  /** Slope difference after - before, per minute (in the trends' unit). */
  slopeDeltaPerMin: number;
  z: number;
  /** Two-sided p-value. */
  pValue: number;
  /** True when the two confidence intervals do not overlap. */
  intervalsDisjoint: boolean;
}

/** Standard error of a slope from its CI at `confidence` (intervals need not be symmetric: half the width is used). */
export function slopeStandardError(trend: Trend, confidence: number): number {
  return (trend.ciHighPerMin - trend.ciLowPerMin) / 2 / normalQuantile((1 + confidence) / 2);
}

export function slopeZTest(before: Trend, after: Trend, confidence: number): SlopeZTestResult {
  const slopeDeltaPerMin = after.slopePerMin - before.slopePerMin;
  const se = Math.hypot(slopeStandardError(before, confidence), slopeStandardError(after, confidence));
  const intervalsDisjoint = after.ciLowPerMin > before.ciHighPerMin || after.ciHighPerMin < before.ciLowPerMin;
  if (!(se > 0)) {
    // Both intervals are points: any difference is certain, none is no evidence.
    return { slopeDeltaPerMin, z: 0, pValue: slopeDeltaPerMin === 0 ? 1 : 0, intervalsDisjoint };
  }
  const z = slopeDeltaPerMin / se;
  return { slopeDeltaPerMin, z, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))), intervalsDisjoint };
}
