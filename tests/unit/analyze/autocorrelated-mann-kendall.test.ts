import { test, expect } from '@playwright/test';
import { mannKendallAutocorrected } from '../../../harness/analyze/stats/autocorrelated-mann-kendall.ts';
import { fitTrend } from '../../../harness/analyze/stats/fit-trend.ts';
import { seededRandom } from '../../../harness/synth/seeded-random.ts';

/** AR(1) noise: x_t = phi * x_{t-1} + e_t, e_t ~ N(0, 1) by Box-Muller, plus `slope` per step. */
function ar1(n: number, phi: number, slope: number, random: () => number): number[] {
  const out: number[] = [];
  let x = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    x = phi * x + e;
    out.push(x + slope * i);
  }
  return out;
}

/** Share of `series` simulated series each test calls significant at 5 %. */
function rejectionRates(phi: number, slope: number, n = 80, series = 300): { plain: number; corrected: number } {
  const random = seededRandom(7);
  let plain = 0;
  let corrected = 0;
  for (let k = 0; k < series; k++) {
    const result = mannKendallAutocorrected(ar1(n, phi, slope, random));
    if (result.uncorrectedPValue < 0.05) plain++;
    if (result.pValue < 0.05) corrected++;
  }
  return { plain: plain / series, corrected: corrected / series };
}

test('on autocorrelated trend-free noise the plain Mann-Kendall alarms far above 5 %, the corrected one near it', () => {
  const rates = rejectionRates(0.7, 0);
  expect(rates.plain).toBeGreaterThan(0.3);
  expect(rates.corrected).toBeLessThan(0.09);
  expect(rejectionRates(0.5, 0, 200).corrected).toBeLessThan(0.08);
});

test('on independent noise the correction changes little: both near the 5 % they promise', () => {
  const rates = rejectionRates(0, 0);
  expect(rates.plain).toBeLessThan(0.08);
  expect(rates.corrected).toBeLessThanOrEqual(rates.plain);
  expect(rates.plain - rates.corrected).toBeLessThan(0.03);
});

test('a real trend keeps its significance: under independent noise fully, under autocorrelated noise mostly', () => {
  expect(rejectionRates(0, 0.1, 40).corrected).toBeGreaterThan(0.95);
  expect(rejectionRates(0.5, 0.05, 200).corrected).toBeGreaterThan(0.95);
});

test('the factor is at least 1; a constant series has no trend; a short series keeps the plain test', () => {
  const flat = mannKendallAutocorrected(Array.from({ length: 12 }, () => 5));
  expect(flat.pValue).toBe(1);
  expect(flat.varianceFactor).toBe(1);
  const alternating = mannKendallAutocorrected(Array.from({ length: 40 }, (_, i) => (i % 2 ? 1 : -1) + i * 0.001));
  expect(alternating.lag1).toBeLessThan(-0.5);
  expect(alternating.varianceFactor).toBe(1);
  const short = mannKendallAutocorrected([1, 3, 2, 4, 5, 7, 6, 8, 9]);
  expect(short.varianceFactor).toBe(1);
  expect(short.pValue).toBe(short.uncorrectedPValue);
});

test('fitTrend takes the corrected p-value only when asked (thresholds.trendAutocorrelation), the slope and interval either way', () => {
  const ys = ar1(120, 0.8, 0, seededRandom(3));
  const tMs = ys.map((_, i) => i * 1000);
  const plain = fitTrend(tMs, ys, { fromMs: 0, confidence: 0.95, unit: 'x/min' })!;
  const corrected = fitTrend(tMs, ys, { fromMs: 0, confidence: 0.95, unit: 'x/min', autocorrelated: true })!;
  expect(corrected.pValue).toBeGreaterThan(plain.pValue);
  expect(corrected.slopePerMin).toBe(plain.slopePerMin);
  expect([corrected.ciLowPerMin, corrected.ciHighPerMin]).toEqual([plain.ciLowPerMin, plain.ciHighPerMin]);
});
