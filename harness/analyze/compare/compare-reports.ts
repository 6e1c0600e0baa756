/**
 * compareReports(before, after): is the after run worse? Per metric a test on the distributions the reports carry
 * (Mann-Whitney U on TTFR per turn, message latency, post-GC heap; slope z-tests on trends; Poisson rate tests on
 * counts), Holm-adjusted across metrics. A regression is significant AND worse, and for medians also at least
 * minRelativeDelta larger (so a large sample does not flag a 1% change). Pure module.
 */
import type { Report } from '../report/report-schema.ts';
import { compareMetric } from './compare-metric.ts';
import { COMPARED_METRICS } from './compared-metrics.ts';
import { COMPARISON_SCHEMA_VERSION, type Comparison, type MetricComparison } from './comparison-schema.ts';
import { holmAdjust } from './holm-adjust.ts';

export interface CompareOptions {
  /** Confidence level; defaults to the before report's thresholds.confidence. */
  confidence?: number;
  /** Smallest relative change of a median that counts as a regression (default 0.05 = 5%). */
  minRelativeDelta?: number;
}

const summary = (report: Report) => ({
  startedAt: report.startedAt,
  targetUrl: report.target.url,
  verdict: report.verdict,
  durationMs: report.metrics.durationMs,
});

export function compareReports(before: Report, after: Report, opts: CompareOptions = {}): Comparison {
  const confidence = opts.confidence ?? before.thresholds.confidence;
  if (!(confidence > 0.5 && confidence < 1)) throw new RangeError(`compareReports: confidence must be in (0.5, 1), got ${confidence}`);
  const minRelativeDelta = opts.minRelativeDelta ?? 0.05;
  const alpha = 1 - confidence;
  const raw = COMPARED_METRICS.map((metric) => compareMetric(metric, before, after, confidence));
  const testedIndexes = raw.flatMap((m, i) => (m.pValue == null ? [] : [i]));
  const adjusted = holmAdjust(testedIndexes.map((i) => raw[i]!.pValue!));
  const metrics: MetricComparison[] = raw.map(({ direction, ...m }, i) => {
    const at = testedIndexes.indexOf(i);
    const adjustedPValue = at >= 0 ? adjusted[at]! : null;
    const significant = adjustedPValue != null && adjustedPValue < alpha;
    const bigEnough = m.test !== 'mann-whitney-u' || Math.abs(m.relativeDelta ?? Infinity) >= minRelativeDelta;
    return { ...m, adjustedPValue, significant, regression: significant && bigEnough && direction > 0, improvement: significant && bigEnough && direction < 0 };
  });
  const regressions = metrics.filter((m) => m.regression).map((m) => m.id);
  return {
    schemaVersion: COMPARISON_SCHEMA_VERSION,
    confidence,
    alpha,
    minRelativeDelta,
    before: summary(before),
    after: summary(after),
    metrics,
    regressions,
    verdict: regressions.length > 0 ? 'regressed' : metrics.some((m) => m.improvement) ? 'improved' : 'unchanged',
  };
}
