/**
 * Compare one test's report with its baseline (compareReports: per-metric significance tests, Holm-adjusted) and
 * say each significant regression and improvement as a sentence. Null when the baseline has no report for it.
 */
import { compareReports } from '../analyze/compare/compare-reports.ts';
import type { MetricComparison } from '../analyze/compare/comparison-schema.ts';
import type { Report } from '../analyze/report/report-schema.ts';
import type { BaselineCheck } from './soak-summary-schema.ts';
import type { Baseline } from './load-baseline.ts';

const round = (value: number | null) => (value == null ? 'n/a' : Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2));

export function describeMetricChange(m: MetricComparison): string {
  const relative = m.relativeDelta == null ? '' : ` (${m.relativeDelta >= 0 ? '+' : ''}${(m.relativeDelta * 100).toFixed(0)}%)`;
  const p = m.adjustedPValue ?? m.pValue;
  const test = p == null ? m.test : `${m.test}, p=${p < 0.001 ? '<0.001' : p.toFixed(3)}`;
  return `${m.id}: ${round(m.before)} -> ${round(m.after)} ${m.unit}${relative} (${test}${m.note ? `; ${m.note}` : ''})`;
}

export function checkAgainstBaseline(baseline: Baseline, report: Report, title?: string): BaselineCheck | null {
  const before = (title !== undefined ? baseline.byTitle.get(title) : undefined) ?? baseline.single;
  if (!before) return null;
  const comparison = compareReports(before, report);
  return {
    source: baseline.source,
    regressions: comparison.metrics.filter((m) => m.regression).map(describeMetricChange),
    improvements: comparison.metrics.filter((m) => m.improvement).map(describeMetricChange),
  };
}
