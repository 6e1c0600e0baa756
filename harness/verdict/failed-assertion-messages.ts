/** The messages of a report's failed assertions at one level ("heap-growth: 3.4 MB/min > 1.0 MB/min (...)"). */
import type { Report } from '../analyze/report/report-schema.ts';

export function failedAssertionMessages(report: Report, level: 'error' | 'warn' = 'error'): string[] {
  return report.assertions.filter((a) => !a.passed && a.level === level).map((a) => a.message);
}
