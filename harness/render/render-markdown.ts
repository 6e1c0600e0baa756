/**
 * A Markdown summary of a Report: verdict, metrics table, issues with recommendations, failed assertions.
 * Every string that came from the log is escaped (escapeMarkdown), so a log cannot inject HTML or links. Pure module.
 */
import type { Report } from '../analyze/report/report-schema.ts';
import { escapeMarkdown as md } from './escape-markdown.ts';
import { formatAssertionValue } from './format-value.ts';
import { metricRows } from './metric-rows.ts';
import { heapSiteRows, heapSitesCaption, likelySourceLines } from './heap-sites-rows.ts';

const VERDICT_LABEL = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' } as const;

export function renderMarkdown(report: Report): string {
  const failed = report.assertions.filter((a) => !a.passed);
  const lines = [
    `# voice-soak report: ${VERDICT_LABEL[report.verdict]}`,
    '',
    `Target: ${md(report.target.url)} (${md(report.target.kind)}), started ${md(report.startedAt)}, tool ${md(report.toolVersion)}`,
    report.faults.length > 0 ? `Faults injected: ${report.faults.map(md).join(', ')}` : 'Faults injected: none',
    '',
    '## Metrics',
    '',
    '| Metric | Value | Budget |',
    '| --- | --- | --- |',
    ...metricRows(report).map((row) => `| ${md(row.label)} | ${md(row.value)} | ${md(row.budget)} |`),
    '',
    '## Issues',
    '',
    ...(report.issues.length === 0
      ? ['None.']
      : report.issues.map(
          (i) =>
            `- **${md(i.level)}** ${md(i.message)}  \n${likelySourceLines(i)
              .map((line) => `  ${md(line)}  \n`)
              .join('')}  Recommendation: ${md(i.recommendation)}`,
        )),
    ...(report.heapSites
      ? [
          '',
          '## Heap allocation sites',
          '',
          md(heapSitesCaption(report.heapSites)),
          '',
          '| Site | Growth | Noise floor | Counts |',
          '| --- | --- | --- | --- |',
          ...heapSiteRows(report.heapSites).map((r) => `| ${md(r.site)} | ${md(r.growth)} | ${md(r.floor)} | ${md(r.counts)} |`),
        ]
      : []),
    '',
    '## Failed assertions',
    '',
    ...(failed.length === 0
      ? ['None.']
      : [
          '| Level | Assertion | Actual | Expected | Message |',
          '| --- | --- | --- | --- | --- |',
          ...failed.map(
            (a) =>
              `| ${md(a.level)} | ${md(a.id)} | ${md(formatAssertionValue(a.actual, a.unit))} | ${md(`${a.operator} ${formatAssertionValue(a.expected, a.unit)}`)} | ${md(a.message)} |`,
          ),
        ]),
  ];
  if (report.input.warnings.length > 0) {
    lines.push('', '## Input warnings', '', ...report.input.warnings.map((w) => `- ${md(w)}`));
  }
  return `${lines.join('\n')}\n`;
}
