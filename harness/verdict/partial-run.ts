/**
 * Whether a report is of a run that was cut short, read from its run-complete finding (harness/analyze/
 * audits/run-complete.ts judges it; this only copies what it found): "<what happened> at <time> s", or null for a
 * run that finished its script (and for page logs, which have no run-end to judge).
 */
import type { Report } from '../analyze/report/report-schema.ts';

export function partialRunReason(report: Report | null): string | null {
  const issue = report?.issues.find((i) => i.id === 'run-complete');
  if (!issue) return null;
  const reason = typeof issue.evidence.reason === 'string' ? issue.evidence.reason : 'cut short';
  const atMs = typeof issue.evidence.atMs === 'number' ? issue.evidence.atMs : null;
  return atMs === null ? reason : `${reason} at ${(atMs / 1000).toFixed(1)} s`;
}
