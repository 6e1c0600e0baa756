/** One soak-summary entry from a test's report (or its absence). Copies values; judges nothing new. */
import type { Report } from '../analyze/report/report-schema.ts';
import { failedAssertionMessages } from './failed-assertion-messages.ts';
import { KEY_METRICS, pickKeyMetrics } from './key-metrics.ts';
import { partialRunReason } from './partial-run.ts';
import type { BaselineCheck, SoakSummaryEntry } from './soak-summary-schema.ts';

export interface SummaryEntryInput {
  title: string;
  project: string;
  status: string;
  report: Report | null;
  reportFile: string | null;
  recovered?: boolean;
  baseline?: BaselineCheck | null;
  note?: string;
}

export function summaryEntryFromReport(input: SummaryEntryInput): SoakSummaryEntry {
  const { report } = input;
  const entry: SoakSummaryEntry = {
    title: input.title,
    project: input.project,
    status: input.status,
    verdict: report ? report.verdict : 'missing',
    reportFile: input.reportFile,
    recovered: input.recovered ?? false,
    partial: partialRunReason(report),
    metrics: report ? pickKeyMetrics(report.metrics) : Object.fromEntries(KEY_METRICS.map((m) => [m.key, null])),
    issues: report ? report.issues.map((i) => ({ id: i.id, level: i.level, message: i.message })) : [],
    failures: report ? failedAssertionMessages(report, 'error') : [],
    warnings: report ? failedAssertionMessages(report, 'warn') : [],
    baseline: input.baseline ?? null,
  };
  if (input.note !== undefined) entry.note = input.note;
  return entry;
}

/**
 * True when the entry fails the run: an error-level assertion failed, a significant regression was found, or there
 * is no report at all (missing data is never a pass).
 */
export function entryFailsRun(entry: SoakSummaryEntry): boolean {
  return entry.verdict === 'missing' || entry.failures.length > 0 || (entry.baseline?.regressions.length ?? 0) > 0;
}
