import { test, expect } from '@playwright/test';
import { bucketMedians } from '../../../harness/analyze/stats/bucket-medians.ts';
import { downsampleMinMax, type Point } from '../../../harness/analyze/stats/downsample-min-max.ts';
import { evenSubsample } from '../../../harness/analyze/stats/even-subsample.ts';
import { fitTrend } from '../../../harness/analyze/stats/fit-trend.ts';
import { mannKendall, mannKendallVariance } from '../../../harness/analyze/stats/mann-kendall.ts';
import { normalCdf, normalQuantile } from '../../../harness/analyze/stats/normal-distribution.ts';
import { postGcLows } from '../../../harness/analyze/stats/post-gc-lows.ts';
import { median, quantile, quantileSorted } from '../../../harness/analyze/stats/quantile-sorted.ts';
import { theilSen } from '../../../harness/analyze/stats/theil-sen.ts';
import { seededRandom } from '../../../harness/synth/seeded-random.ts';

test('normal CDF and quantile match tabulated values and invert each other', () => {
  expect(normalCdf(0)).toBeCloseTo(0.5, 7);
  expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  expect(normalCdf(-2.575829)).toBeCloseTo(0.005, 6);
  expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  for (const p of [0.01, 0.2, 0.5, 0.8, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
  expect(() => normalQuantile(1)).toThrow('normalQuantile requires 0 < p < 1');
});

test('quantiles interpolate between order statistics (type 7) and reject empty input', () => {
  expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
  expect(quantileSorted([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48, 10);
  expect(quantile([5, 1, 4, 2, 3], 0)).toBe(1);
  expect(median([7, 1, 3])).toBe(3);
  expect(median([])).toBeNull();
  expect(() => quantileSorted([], 0.5)).toThrow('quantileSorted requires at least 1 value');
});

test('Theil-Sen recovers a known slope exactly and ignores 25% gross outliers', () => {
  const xs = Array.from({ length: 40 }, (_, i) => i);
  expect(
    theilSen(
      xs,
      xs.map((x) => 3 * x + 7),
    ).slope,
  ).toBeCloseTo(3, 12);
  expect(
    theilSen(
      xs,
      xs.map((x) => 3 * x + 7),
    ).intercept,
  ).toBeCloseTo(7, 12);
  const withOutliers = xs.map((x) => (x % 4 === 0 ? 1000 : 3 * x + 7));
  const fit = theilSen(xs, withOutliers);
  expect(fit.slope).toBeGreaterThan(2.8);
  expect(fit.slope).toBeLessThan(3.5);
  expect(() => theilSen([1, 2], [1, 2])).toThrow('theilSen requires at least 3 points');
});

test("Sen's confidence interval covers the true slope about 95% of the time", () => {
  const random = seededRandom(42);
  const trials = 300;
  let covered = 0;
  for (let k = 0; k < trials; k++) {
    const xs = Array.from({ length: 30 }, (_, i) => i);
    const fit = theilSen(
      xs,
      xs.map((x) => 0.5 * x + random.normal(0, 2)),
      0.95,
    );
    if (fit.ciLow <= 0.5 && 0.5 <= fit.ciHigh) covered++;
  }
  expect(covered / trials).toBeGreaterThan(0.91);
  expect(covered / trials).toBeLessThan(0.99);
});

test('Mann-Kendall: S, tie-corrected variance and p-values on known sequences', () => {
  const rising = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(rising.s).toBe(45);
  expect(rising.varS).toBeCloseTo(125, 10); // 10*9*25/18
  expect(rising.z).toBeCloseTo(44 / Math.sqrt(125), 10);
  expect(rising.pValue).toBeLessThan(0.001);
  expect(mannKendall([10, 9, 8, 7, 6, 5]).s).toBe(-15);
  // Ties: [1,1,2,2,2] -> groups of 2 and 3: (5*4*15 - 2*1*9 - 3*2*11)/18 = (300-18-66)/18 = 12
  expect(mannKendallVariance([1, 1, 2, 2, 2])).toBeCloseTo(12, 10);
  expect(mannKendall([3, 1, 3, 1, 3, 1, 3, 1]).pValue).toBeGreaterThan(0.5);
  expect(mannKendall([4, 4, 4, 4]).pValue).toBe(1);
});

test('post-GC lows: afterGc samples when present, else sawtooth window minima that track the floor', () => {
  const tMs: number[] = [];
  const bytes: number[] = [];
  const afterGc: boolean[] = [];
  for (let s = 0; s < 600; s++) {
    tMs.push(s * 1000);
    const floor = 50 + s / 60; // 1 MB per minute
    bytes.push((floor + (s % 20) * 0.5) * 1e6); // sawtooth: 20 s cycles, 10 MB of garbage
    afterGc.push(s % 20 === 0);
  }
  const marked = postGcLows(tMs, bytes, afterGc);
  expect(marked.method).toBe('after-gc');
  expect(marked.tMs).toHaveLength(30);
  const minima = postGcLows(tMs, bytes);
  expect(minima.method).toBe('window-minima');
  expect(minima.windowMs).toBeGreaterThanOrEqual(30_000);
  for (let i = 0; i < minima.tMs.length; i++) expect(minima.bytes[i]! / 1e6).toBeCloseTo(50 + minima.tMs[i]! / 60_000, 6);
  const slope = theilSen(
    minima.tMs.map((t) => t / 60_000),
    minima.bytes.map((b) => b / 1e6),
  ).slope;
  expect(slope).toBeCloseTo(1, 6);
  // The raw series' maximum-based view would be 10 MB higher: lows never take the peaks.
  expect(Math.max(...minima.bytes)).toBeLessThan(Math.max(...bytes) - 5e6);
});

test('fitTrend excludes warm-up, reports per-minute slope, CI and p-value, and needs 5 points', () => {
  const tMs = Array.from({ length: 120 }, (_, i) => i * 5000);
  const values = tMs.map((t) => (t < 60_000 ? 500 : 10 + (2 * t) / 60_000));
  const trend = fitTrend(tMs, values, { fromMs: 60_000, confidence: 0.95, unit: 'ms/min' })!;
  expect(trend.slopePerMin).toBeCloseTo(2, 9);
  expect(trend.fromMs).toBe(60_000);
  expect(trend.pValue).toBeLessThan(1e-6);
  expect(trend.ciLowPerMin).toBeLessThanOrEqual(2);
  expect(fitTrend([0, 1, 2, 3], [1, 2, 3, 4], { fromMs: 0, confidence: 0.95, unit: 'x' })).toBeNull();
});

test('downsampling keeps min and max of each bucket; bucket medians and subsampling bound the size', () => {
  const points: Point[] = Array.from({ length: 10_000 }, (_, i) => [i, i === 5_000 ? 1e6 : i === 7_000 ? -1e6 : i % 10]);
  const small = downsampleMinMax(points, 600);
  expect(small.length).toBeLessThanOrEqual(600);
  expect(small.some(([, v]) => v === 1e6)).toBe(true);
  expect(small.some(([, v]) => v === -1e6)).toBe(true);
  expect(small.map(([t]) => t)).toEqual([...small.map(([t]) => t)].sort((a, b) => a - b));
  const reduced = bucketMedians(
    points.map(([t]) => t),
    points.map(([, v]) => v),
    100,
  );
  expect(reduced.xs).toHaveLength(100);
  expect(evenSubsample(10, 20)).toHaveLength(10);
  const picked = evenSubsample(10_001, 2000);
  expect(picked).toHaveLength(2000);
  expect(picked[0]).toBe(0);
  expect(picked[picked.length - 1]).toBe(10_000);
});

test('Theil-Sen slope and CI are the order statistics a full sort of the pairwise slopes gives (odd and even counts)', () => {
  const random = seededRandom(3);
  for (const n of [40, 41]) {
    const xs = Array.from({ length: n }, (_, i) => i + (i % 7 === 0 ? 0.5 : 0));
    const ys = xs.map((x) => 2 * x + Math.round(random.normal(0, 10)));
    const slopes: number[] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (xs[j] !== xs[i]) slopes.push((ys[j]! - ys[i]!) / (xs[j]! - xs[i]!));
    slopes.sort((a, b) => a - b);
    const m = slopes.length;
    const sortedMedian = m % 2 ? slopes[m >> 1]! : (slopes[(m >> 1) - 1]! + slopes[m >> 1]!) / 2;
    const fit = theilSen(xs, ys);
    expect(fit.slope).toBe(sortedMedian);
    expect(slopes).toContain(fit.ciLow);
    expect(slopes).toContain(fit.ciHigh);
    expect(fit.ciLow).toBeLessThan(fit.slope);
    expect(fit.ciHigh).toBeGreaterThan(fit.slope);
  }
});

test('quantiles: selection on unsorted input equals interpolation on the sorted copy; whole indices are exact', () => {
  const random = seededRandom(5);
  const values = Array.from({ length: 101 }, () => Math.round(random.normal(0, 50)));
  const sorted = Float64Array.from(values).sort();
  for (const q of [0, 0.013, 0.25, 0.5, 0.9, 0.95, 1]) expect(quantile(values, q)).toBe(quantileSorted(sorted, q));
  expect(values).not.toEqual([...sorted]); // quantile() left its input alone
  // At a whole index the order statistic itself, not a + 0 * (b - a) (which is NaN next to an infinity).
  expect(quantileSorted([1, 2, Infinity], 0.5)).toBe(2);
  expect(() => quantile([1, 2], Number.NaN)).toThrow('quantile requires 0 <= q <= 1, got NaN');
});
