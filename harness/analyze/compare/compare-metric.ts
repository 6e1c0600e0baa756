/**
 * One metric of two reports, before the multiple-comparison adjustment: values, change, and the raw test result.
 * Pure module.
 */
import type { Report } from '../report/report-schema.ts';
import { median } from '../stats/quantile-sorted.ts';
import { findSeries, type ComparedMetric } from './compared-metrics.ts';
import type { MetricComparison } from './comparison-schema.ts';
import { mannWhitneyU } from './mann-whitney-u.ts';
import { poissonRateTest } from './poisson-rate-test.ts';
import { slopeZTest } from './slope-z-test.ts';

/** Everything but the fields decided across all metrics (adjusted p-value, significance, flags). */
export type RawMetricComparison = Omit<MetricComparison, 'adjustedPValue' | 'significant' | 'regression' | 'improvement'> & {
  /** +1 when after is worse than before, -1 when better, 0 when equal (decides the flags once significant). */
  direction: -1 | 0 | 1;
};

const sign = (value: number): -1 | 0 | 1 => (value > 0 ? 1 : value < 0 ? -1 : 0);

function withValues(metric: ComparedMetric, before: number | null, after: number | null) {
  const delta = before != null && after != null ? after - before : null;
  const relativeDelta = delta != null && before != null && before !== 0 ? delta / Math.abs(before) : null;
  return { id: metric.id, title: metric.title, unit: metric.unit, higherIsWorse: true, before, after, delta, relativeDelta };
}

const untested = (metric: ComparedMetric, before: number | null, after: number | null, note: string, nBefore = 0, nAfter = 0): RawMetricComparison => ({
  ...withValues(metric, before, after),
  test: 'none',
  nBefore,
  nAfter,
  statistic: null,
  pValue: null,
  note,
  direction: 0,
});

export function compareMetric(metric: ComparedMetric, before: Report, after: Report, confidence: number): RawMetricComparison {
  if (metric.kind === 'distribution') {
    const [sb, sa] = [findSeries(before, metric.seriesIds), findSeries(after, metric.seriesIds)];
    if (sb && sa && sb.unit !== sa.unit) return untested(metric, null, null, `series units differ (${sb.unit} before, ${sa.unit} after)`);
    metric = { ...metric, unit: sa?.unit ?? sb?.unit ?? metric.unit };
    const [x, y] = [sb?.[metric.from] ?? [], sa?.[metric.from] ?? []].map((points) => points.map(([, value]) => value)) as [number[], number[]];
    const [mx, my] = [median(x), median(y)];
    if (x.length < 3 || y.length < 3)
      return untested(metric, mx, my, `too few values to test (${x.length} before, ${y.length} after; need 3 each)`, x.length, y.length);
    const result = mannWhitneyU(y, x);
    // Direction from the rank statistic (P(after > before) vs 1/2), which is what the test tests.
    return {
      ...withValues(metric, mx, my),
      test: 'mann-whitney-u',
      nBefore: x.length,
      nAfter: y.length,
      statistic: result.z,
      pValue: result.pValue,
      note: `P(after > before) = ${result.probabilityXGreater.toFixed(2)}`,
      direction: sign(result.probabilityXGreater - 0.5),
    };
  }
  if (metric.kind === 'slope') {
    const metricValueOf = (report: Report) => report.metrics[metric.metric] as number | null;
    const [b, a] = [metricValueOf(before), metricValueOf(after)];
    const [tb, ta] = [findSeries(before, metric.seriesIds)?.trend, findSeries(after, metric.seriesIds)?.trend];
    if (!tb || !ta) return untested(metric, b, a, `no fitted trend in ${!tb ? 'before' : 'after'} report`, tb?.points ?? 0, ta?.points ?? 0);
    const result = slopeZTest(tb, ta, confidence);
    // A slope that got steeper only counts as worse when the after run actually grows.
    const worse = result.slopeDeltaPerMin > 0 && ta.slopePerMin > 0;
    return {
      ...withValues(metric, b, a),
      test: 'slope-z',
      nBefore: tb.points,
      nAfter: ta.points,
      statistic: result.z,
      pValue: result.pValue,
      note: result.intervalsDisjoint ? 'trend intervals do not overlap' : 'trend intervals overlap',
      direction: worse ? 1 : result.slopeDeltaPerMin < 0 ? -1 : 0,
    };
  }
  const [kb, ka] = [before.metrics[metric.metric], after.metrics[metric.metric]];
  if (!(before.metrics.durationMs > 0 && after.metrics.durationMs > 0)) return untested(metric, kb, ka, 'a run has no duration', kb, ka);
  const result = poissonRateTest(kb, before.metrics.durationMs, ka, after.metrics.durationMs);
  return {
    ...withValues(metric, kb, ka),
    test: 'poisson-rate',
    nBefore: kb,
    nAfter: ka,
    statistic: null,
    pValue: result.pValue,
    note: `${result.rateBeforePerMin.toFixed(2)}/min -> ${result.rateAfterPerMin.toFixed(2)}/min`,
    direction: sign(result.rateAfterPerMin - result.rateBeforePerMin),
  };
}
