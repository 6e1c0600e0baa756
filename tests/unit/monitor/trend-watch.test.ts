import { expect, test } from '@playwright/test';
import { MONITOR_DEFAULT_THRESHOLDS } from '../../../harness/monitor/default-thresholds.ts';
import { theilSenSlopePerMin } from '../../../harness/monitor/trend-slope.ts';
import { TrendWatch } from '../../../harness/monitor/trend-watch.ts';

const MB = 1024 * 1024;
const thresholds = { ...MONITOR_DEFAULT_THRESHOLDS, warmupMs: 0 };

test('Theil-Sen ignores a single spike', () => {
  const points: [number, number][] = Array.from({ length: 30 }, (_, i) => [i * 1000, i * 2]);
  points[10] = [10_000, 1e6];
  expect(theilSenSlopePerMin(points)).toBeCloseTo(120, 6); // 2 per second
  expect(theilSenSlopePerMin(points.slice(0, 2))).toBeNull();
});

test('warns on heap growth above budget, once per cooldown', () => {
  const watch = new TrendWatch(300_000);
  for (let t = 0; t <= 180_000; t += 1000) watch.addHeap(t, 50 * MB + (t / 60_000) * 3 * MB + (t % 7000 === 0 ? 20 * MB : 0));
  const first = watch.check(180_000, thresholds);
  expect(first.map((w) => w.id)).toEqual(['heap-growth']);
  expect(first[0]!.message).toMatch(/^heap-growth: 3\.\d\d MB\/min > 1 MB\/min/);
  expect(watch.check(190_000, thresholds)).toEqual([]);
  expect(watch.check(490_000, thresholds).map((w) => w.id)).toEqual(['heap-growth']);
});

test('stays silent for a flat heap, flat latency and fast turns', () => {
  const watch = new TrendWatch();
  for (let t = 0; t <= 300_000; t += 1000) {
    watch.addHeap(t, 80 * MB + ((t * 7919) % 13) * 100_000);
    watch.addHandler(t, 2 + ((t / 1000) % 3));
  }
  for (let turn = 0; turn < 20; turn += 1) watch.addTtfr(turn * 15_000, 700 + (turn % 4) * 50);
  expect(watch.check(300_000, thresholds)).toEqual([]);
});

test('warns when TTFR grows and its p95 crosses the budget; respects warm-up', () => {
  const watch = new TrendWatch();
  for (let turn = 0; turn < 20; turn += 1) watch.addTtfr(turn * 15_000, 800 + turn * 200);
  expect(watch.check(300_000, thresholds).map((w) => w.id).sort()).toEqual(['ttfr-growth', 'ttfr-p95']);
  const warm = new TrendWatch();
  for (let turn = 0; turn < 20; turn += 1) warm.addTtfr(turn * 15_000, 800 + turn * 200);
  expect(warm.check(300_000, { ...thresholds, warmupMs: 600_000 }).map((w) => w.id)).toEqual(['ttfr-p95']);
});
