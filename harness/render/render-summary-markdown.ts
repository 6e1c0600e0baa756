/**
 * soak-summary.md (and the GitHub step summary): the run's status, one table row per soak test, then each failed
 * assertion, regression and warning as a sentence. Strings from logs and titles are escaped.
 * The caller may append the history trends (harness/render/render-history-trends.ts).
 */
import { escapeMarkdown as md } from './escape-markdown.ts';
import { formatKeyMetric } from './format-key-metric.ts';
import { entryFailsRun } from '../verdict/summary-entry-from-report.ts';
import type { SoakSummary } from '../verdict/soak-summary-schema.ts';

const VERDICT = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', missing: 'MISSING' } as const;

export function renderSummaryMarkdown(summary: SoakSummary): string {
  const failed = summary.tests.filter(entryFailsRun).length;
  const lines = [
    `# voice-soak: ${summary.status === 'failed' ? 'FAILED' : 'PASSED'}`,
    '',
    `${summary.tests.length} soak test${summary.tests.length === 1 ? '' : 's'}, ${failed} failed; written ${md(summary.generatedAt)}.`,
    '',
    '| Test | Verdict | Heap slope | TTFR p95 | Errors | Issues | Baseline |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const t of summary.tests) {
    const baseline = t.baseline ? (t.baseline.regressions.length > 0 ? `${t.baseline.regressions.length} regressions` : 'no regression') : '-';
    lines.push(
      `| ${md(t.title)} | ${VERDICT[t.verdict]}${t.partial ? ' (partial)' : ''}${t.recovered ? ' (recovered)' : ''} | ${formatKeyMetric(t.metrics.heapSlopeMbPerMin, 'MB/min')} | ${formatKeyMetric(t.metrics.ttfrP95Ms, 'ms')} | ${t.metrics.totalErrors ?? 'n/a'} | ${t.issues.length} | ${baseline} |`,
    );
  }
  const details: string[] = [];
  for (const t of summary.tests) {
    const items = [
      ...t.failures.map((m) => `- **error** ${md(m)}`),
      ...(t.baseline?.regressions ?? []).map((m) => `- **error** regression vs baseline: ${md(m)}`),
      ...t.warnings.map((m) => `- warn ${md(m)}`),
      ...(t.baseline?.improvements ?? []).map((m) => `- improved vs baseline: ${md(m)}`),
      ...(t.note ? [`- note: ${md(t.note)}`] : []),
    ];
    if (items.length > 0) details.push(`### ${md(t.title)}`, '', ...items, '');
  }
  if (details.length > 0) lines.push('', '## Findings', '', ...details);
  return `${lines.join('\n').trimEnd()}\n`;
}
