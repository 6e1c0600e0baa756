import { expect, test } from '@playwright/test';
import { TrendWatch } from '../../../harness/monitor/trend-watch.ts';
import { SeriesRing } from '../../../harness/monitor/series-ring.ts';
import { mergeThresholds } from '../../../harness/thresholds/merge-thresholds.ts';
import { heapRecords, turnRecords } from './page-records.ts';

const thresholds = mergeThresholds();

test("a heap leak is an early warning with the report's message, once per cooldown", () => {
  const watch = new TrendWatch(300_000);
  for (const record of heapRecords({ minutes: 8, leakMbPerMin: 4 })) watch.add(record);
  const first = watch.check(480_000, thresholds);
  expect(first.map((w) => [w.id, w.level])).toEqual([['heap-growth', 'error']]);
  expect(first[0]!.message).toMatch(
    /^heap-growth: early warning \(error\): 4\.\d MB\/min > 1\.0 MB\/min \(Theil-Sen slope of post-GC heap \(window minima\), performance\.memory, minutes \d-8\)$/,
  );
  expect(watch.check(490_000, thresholds)).toEqual([]);
  expect(watch.check(780_000, thresholds).map((w) => w.id)).toEqual(['heap-growth']);
});

test('warm-up is excluded, clamped to a quarter of the run so far as the analyzer does', () => {
  const records = turnRecords(Array.from({ length: 24 }, (_, i) => 800 + 150 * i));
  const long = new TrendWatch();
  for (const record of records) long.add(record);
  // Warm-up of 10 minutes, clamped to 2 of the 8 minutes: the turns after it still show the rise.
  expect(long.check(480_000, { ...thresholds, warmupMs: 600_000 }).map((w) => w.id)).toEqual(['ttfr-growth', 'slow-first-response']);
  const early = new TrendWatch();
  for (const record of records.filter((r) => r.tMs < 100_000)) early.add(record);
  // 100 s in: a 25 s warm-up leaves 4 turns, too few for a trend; their p95 is under budget.
  expect(early.check(100_000, { ...thresholds, warmupMs: 600_000 })).toEqual([]);
});

test('clear forgets the window and the cooldowns', () => {
  const watch = new TrendWatch();
  for (const record of heapRecords({ minutes: 8, leakMbPerMin: 4 })) watch.add(record);
  expect(watch.check(480_000, thresholds)).toHaveLength(1);
  watch.clear();
  expect(watch.check(480_000, thresholds)).toEqual([]);
  expect(watch.due('heap-growth', 480_000)).toBe(true);
});

test('SeriesRing keeps the newest points in order and drops the oldest', () => {
  const ring = new SeriesRing(3);
  for (let i = 1; i <= 5; i += 1) ring.push(i * 10, i);
  const { tMs, values } = ring.columns();
  expect([Array.from(tMs), Array.from(values)]).toEqual([
    [30, 40, 50],
    [3, 4, 5],
  ]);
  expect(ring.size).toBe(3);
  ring.clear();
  expect(ring.columns().tMs).toHaveLength(0);
  expect(() => new SeriesRing(0)).toThrow('SeriesRing: capacity must be a positive integer, got 0');
});
