/** Known values from scipy 1.17 (mannwhitneyu method='asymptotic'; binom cdf/sf; norm) and by hand (Holm). */
import { test, expect } from '@playwright/test';
import { mannWhitneyU } from '../../../harness/analyze/compare/mann-whitney-u.ts';
import { slopeZTest } from '../../../harness/analyze/compare/slope-z-test.ts';
import { poissonRateTest } from '../../../harness/analyze/compare/poisson-rate-test.ts';
import { holmAdjust } from '../../../harness/analyze/compare/holm-adjust.ts';
import type { Trend } from '../../../harness/analyze/report/report-schema.ts';

test('Mann-Whitney U matches scipy without ties', () => {
  const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
  const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
  const result = mannWhitneyU(x, y);
  expect(result.uX).toBe(58);
  expect(result.uY).toBe(23);
  expect(result.pValue).toBeCloseTo(0.13291945818531892, 6);
  expect(result.probabilityXGreater).toBeCloseTo(58 / 81, 12);
});

test('Mann-Whitney U matches scipy with ties (tie correction)', () => {
  const result = mannWhitneyU([1, 2, 2, 3, 3, 3, 4, 5], [3, 4, 4, 5, 5, 6, 7, 7, 7, 8]);
  expect(result.uX).toBe(7.5);
  expect(result.pValue).toBeCloseTo(0.004006733073348435, 6);
  expect(result.probabilityXGreater).toBeLessThan(0.5);
});

test('Mann-Whitney U: identical constant samples give p = 1; empty samples are refused', () => {
  expect(mannWhitneyU([5, 5, 5], [5, 5, 5]).pValue).toBe(1);
  expect(() => mannWhitneyU([], [1])).toThrow('mannWhitneyU requires two non-empty samples, got 0 and 1');
});

const trend = (slopePerMin: number, ciLowPerMin: number, ciHighPerMin: number): Trend => ({
  slopePerMin,
  ciLowPerMin,
  ciHighPerMin,
  interceptAtFrom: 0,
  fromMs: 60_000,
  toMs: 420_000,
  points: 30,
  pValue: 0.01,
  unit: 'MB/min',
});

test('slope z-test uses CI-derived standard errors', () => {
  const result = slopeZTest(trend(1, 0.5, 1.5), trend(3, 2, 4), 0.95);
  expect(result.slopeDeltaPerMin).toBe(2);
  expect(result.z).toBeCloseTo(3.5060901623063265, 5);
  expect(result.pValue).toBeCloseTo(0.00045474115110889204, 6);
  expect(result.intervalsDisjoint).toBe(true);
  const overlapping = slopeZTest(trend(1, 0.5, 1.5), trend(1.2, 0.7, 1.7), 0.95);
  expect(overlapping.intervalsDisjoint).toBe(false);
  expect(overlapping.pValue).toBeGreaterThan(0.5);
});

test('Poisson rate test matches binomial tails from scipy', () => {
  expect(poissonRateTest(2, 420_000, 9, 420_000).pValue).toBeCloseTo(0.0654296875, 9);
  expect(poissonRateTest(4, 420_000, 1, 600_000).pValue).toBeCloseTo(0.19277575136087646, 9);
  expect(poissonRateTest(0, 420_000, 0, 420_000).pValue).toBe(1);
  expect(poissonRateTest(0, 60_000, 3, 120_000).rateAfterPerMin).toBe(1.5);
});

test('Holm adjustment is step-down and monotone', () => {
  const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
  for (const [i, expected] of [0.03, 0.06, 0.06, 0.02].entries()) expect(adjusted[i]).toBeCloseTo(expected, 12);
  expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
});
