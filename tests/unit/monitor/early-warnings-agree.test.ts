/**
 * One judge: the same series, judged by the page's trend watch while the run goes on and by analyze() over the
 * page's log, gives the same findings with the same levels for heap-growth, latency-growth, ttfr-growth and
 * slow-first-response. Includes the cases where the page's old rules disagreed with the report: a slope over budget
 * that Mann-Kendall finds not significant, and a p95 over budget by nearest rank but not by the type-7 quantile.
 */
import { expect, test } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import { fitTrend } from '../../../harness/analyze/stats/fit-trend.ts';
import { postGcLows } from '../../../harness/analyze/stats/post-gc-lows.ts';
import type { LogRecord } from '../../../harness/log/log-schema.ts';
import { TrendWatch } from '../../../harness/monitor/trend-watch.ts';
import { mergeThresholds } from '../../../harness/thresholds/merge-thresholds.ts';
import type { Thresholds } from '../../../harness/thresholds/thresholds-schema.ts';
import { handlerRecords, heapRecords, pageLog, turnRecords, ttfrSeries } from './page-records.ts';

const JUDGED = ['heap-growth', 'latency-growth', 'ttfr-growth', 'slow-first-response'];
const DEFAULTS = mergeThresholds();
const MIB = 1024 * 1024;

/** id -> level of what the page warns about at the end of the records. */
function pageFindings(records: readonly LogRecord[], thresholds: Thresholds): Record<string, string> {
  const watch = new TrendWatch();
  for (const record of records) watch.add(record);
  const endMs = Math.max(...records.map((r) => r.tMs));
  return Object.fromEntries(watch.check(endMs, thresholds).map((w) => [w.id, w.level]));
}

/** id -> level of the failed assertions analyze() gives the same records, among the ids the page judges. */
function reportFindings(records: readonly LogRecord[], thresholds: Thresholds): Record<string, string> {
  const report = analyze(pageLog(records, thresholds), thresholds);
  return Object.fromEntries(report.assertions.filter((a) => JUDGED.includes(a.id) && !a.passed).map((a) => [a.id, a.level]));
}

function expectOneVerdict(records: readonly LogRecord[], thresholds: Thresholds = DEFAULTS): Record<string, string> {
  const page = pageFindings(records, thresholds);
  expect(page).toEqual(reportFindings(records, thresholds));
  return page;
}

test('a noisy flat heap whose slope is over budget but not significant: neither the page nor the report warns', () => {
  const records = heapRecords({ minutes: 8, leakMbPerMin: 0, floorNoiseMb: 4, seed: 8 });
  const lows = postGcLows(
    records.map((r) => r.tMs),
    records.map((r) => (r as { usedBytes: number }).usedBytes),
  );
  const trend = fitTrend(lows.tMs, lows.bytes, { fromMs: DEFAULTS.warmupMs, confidence: DEFAULTS.confidence, unit: 'MB/min', yScale: 1 / MIB })!;
  // The case the slope-only rule got wrong: over budget, but Mann-Kendall cannot tell it from noise.
  expect(trend.slopePerMin).toBeGreaterThan(DEFAULTS.heapSlopeMbPerMin);
  expect(trend.pValue).toBeGreaterThan(1 - DEFAULTS.confidence);
  expect(expectOneVerdict(records)).toEqual({});
});

test('a real heap leak: both flag heap-growth, at the same level', () => {
  const confident = expectOneVerdict(heapRecords({ minutes: 8, leakMbPerMin: 4, floorNoiseMb: 0.3 }));
  expect(confident).toEqual({ 'heap-growth': 'error' });
  // Just over budget and noisy: significant, but the interval reaches under the budget, so a warning, not an error.
  expect(expectOneVerdict(heapRecords({ minutes: 10, leakMbPerMin: 1.5, floorNoiseMb: 1, seed: 5 }))).toEqual({ 'heap-growth': 'warn' });
});

test('handler time: a steady rise is latency-growth for both, a noisy flat one for neither', () => {
  expect(expectOneVerdict(handlerRecords(6, 5))).toEqual({ 'latency-growth': 'error' });
  expect(expectOneVerdict(handlerRecords(6, 0, 20))).toEqual({});
});

test('TTFR: a noisy flat series over the slope budget is not ttfr-growth; a rising one is, and crosses the p95 budget', () => {
  const noisy = ttfrSeries(24, 1000, 0, 600, 8);
  const trend = fitTrend(
    noisy.map((_, i) => 5_000 + i * 20_000),
    noisy,
    { fromMs: DEFAULTS.warmupMs, confidence: DEFAULTS.confidence, unit: 'ms/min' },
  )!;
  expect(trend.slopePerMin).toBeGreaterThan(DEFAULTS.ttfrSlopeMsPerMin);
  expect(trend.pValue).toBeGreaterThan(1 - DEFAULTS.confidence);
  expect(expectOneVerdict(turnRecords(noisy))).toEqual({});
  expect(expectOneVerdict(turnRecords(ttfrSeries(24, 800, 150, 100)))).toEqual({ 'ttfr-growth': 'error', 'slow-first-response': 'error' });
});

test('p95 by the type-7 quantile: one slow turn in ten is not slow-first-response (nearest rank said it was)', () => {
  const ttfrs = [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 4000];
  expect(expectOneVerdict(turnRecords(ttfrs))).toEqual({});
  expect(expectOneVerdict(turnRecords([...ttfrs, 4000]))).toEqual({ 'slow-first-response': 'error' });
});

test('adaptive thresholds: the TTFR budget comes from the warm-up turns in the page as in the report', () => {
  const adaptive = mergeThresholds({ adaptive: { enabled: true, factor: 1.5 } });
  // Warm-up replies at ~600 ms, later ones at ~1200 ms: under the static 3 s budget, over 1.5 x the warm-up p95.
  const ttfrs = [...ttfrSeries(3, 600, 0, 20), ...ttfrSeries(21, 1200, 0, 20)];
  expect(expectOneVerdict(turnRecords(ttfrs), adaptive)).toEqual({ 'slow-first-response': 'error' });
  expect(expectOneVerdict(turnRecords(ttfrs))).toEqual({});
});
