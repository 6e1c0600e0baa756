import { test, expect } from '@playwright/test';
import { compareReports } from '../../../harness/analyze/compare/compare-reports.ts';
import { comparisonSchema } from '../../../harness/analyze/compare/comparison-schema.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';

const clean = (seed: number) => buildSampleReport({ seed, heapLeakMbPerMin: 0.1 });
const byId = (comparison: ReturnType<typeof compareReports>, id: string) => comparison.metrics.find((m) => m.id === id)!;

test('two clean runs with different noise do not regress', () => {
  const comparison = compareReports(clean(1), clean(2));
  expect(comparisonSchema.parse(comparison)).toEqual(comparison);
  expect(comparison.regressions).toEqual([]);
  expect(comparison.verdict).toBe('unchanged');
  expect(byId(comparison, 'ttfr').test).toBe('mann-whitney-u');
  expect(byId(comparison, 'ttfr').nAfter).toBe(40);
});

test('a heap leak is a significant regression of post-GC heap and heap growth', () => {
  const comparison = compareReports(clean(1), buildSampleReport({ seed: 2, heapLeakMbPerMin: 3.4 }));
  expect(comparison.regressions).toEqual(expect.arrayContaining(['heap-post-gc', 'heap-growth']));
  expect(comparison.regressions).not.toContain('ttfr');
  expect(comparison.verdict).toBe('regressed');
  const growth = byId(comparison, 'heap-growth');
  expect(growth.before).toBe(0.1);
  expect(growth.after).toBe(3.4);
  expect(growth.delta).toBeCloseTo(3.3, 10);
  expect(growth.relativeDelta).toBeCloseTo(33, 10);
  expect(growth.note).toBe('trend intervals do not overlap');
  expect(growth.adjustedPValue!).toBeLessThan(comparison.alpha);
});

test('slower responses regress TTFR; the reverse comparison is an improvement, not a regression', () => {
  const slow = buildSampleReport({ seed: 3, heapLeakMbPerMin: 0.1, ttfrShiftMs: 300 });
  const worse = compareReports(clean(1), slow);
  expect(worse.regressions).toEqual(['ttfr']);
  expect(byId(worse, 'ttfr').delta!).toBeGreaterThan(250);
  const better = compareReports(slow, clean(1));
  expect(better.regressions).toEqual([]);
  expect(better.verdict).toBe('improved');
  expect(byId(better, 'ttfr').improvement).toBe(true);
});

test('a significant but tiny shift of a median is not a regression', () => {
  // 500 turns: a 2% slower TTFR is clearly detectable, and clearly below the 5% that counts.
  const withTtfr = (offsetMs: number) => {
    const report = clean(1);
    report.series[1]!.points = Array.from({ length: 500 }, (_, i) => [i + 1, 700 + offsetMs + (i % 50)]);
    return report;
  };
  const comparison = compareReports(withTtfr(0), withTtfr(14), { minRelativeDelta: 0.05 });
  const ttfr = byId(comparison, 'ttfr');
  expect(ttfr.significant).toBe(true);
  expect(ttfr.relativeDelta!).toBeCloseTo(14 / 724.5, 10);
  expect(ttfr.regression).toBe(false);
  expect(compareReports(withTtfr(0), withTtfr(14), { minRelativeDelta: 0.01 }).regressions).toEqual(['ttfr']);
});

test('metrics without data are reported as untested with a reason', () => {
  const bare = clean(1);
  bare.series = [];
  const comparison = compareReports(bare, clean(2));
  expect(byId(comparison, 'ttfr')).toMatchObject({
    test: 'none',
    pValue: null,
    regression: false,
    note: 'too few values to test (0 before, 40 after; need 3 each)',
  });
  expect(byId(comparison, 'heap-growth')).toMatchObject({ test: 'none', note: 'no fitted trend in before report' });
  expect(() => compareReports(bare, bare, { confidence: 1.2 })).toThrow('compareReports: confidence must be in (0.5, 1), got 1.2');
});
