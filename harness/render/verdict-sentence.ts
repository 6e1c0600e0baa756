/**
 * The report's verdict as one sentence with its counts, "FAIL: error-level assertions failed (3 issues, 4 of 38
 * assertions failed)": the HTML report's sticky summary and the first attachment of a soak test say it. Pure module.
 */
import type { Report } from '../analyze/report/report-schema.ts';

const VERDICT_TEXT = { pass: 'PASS: no budget breached', warn: 'WARN: warn-level assertions failed', fail: 'FAIL: error-level assertions failed' } as const;

export function verdictSentence(report: Pick<Report, 'verdict' | 'issues' | 'assertions'>): string {
  const failed = report.assertions.filter((a) => !a.passed).length;
  const issues = `${report.issues.length} issue${report.issues.length === 1 ? '' : 's'}`;
  return `${VERDICT_TEXT[report.verdict]} (${issues}, ${failed} of ${report.assertions.length} assertions failed)`;
}

/** The sentence, then one line per failed assertion, errors first: the text of the soak test's verdict attachment. */
export function verdictText(report: Pick<Report, 'verdict' | 'issues' | 'assertions'>): string {
  const failed = report.assertions.filter((a) => !a.passed).sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  return `${[verdictSentence(report), ...failed.map((a) => `- ${a.level} ${a.message.replace(/[\r\n\u2028\u2029]+/g, ' ')}`)].join('\n')}\n`;
}
