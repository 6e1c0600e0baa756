/**
 * One self-contained HTML report: verdict banner, metrics table, inline SVG charts, issues with recommendations,
 * assertions, and the seed-format text in a <pre>. No script at all, no network (a CSP of default-src 'none' with
 * inline styles and data: images only); every string from the log is escaped. Pure: Report in, string out.
 */
import { heapSiteRows, heapSitesCaption, likelySourceLines } from './heap-sites-rows.ts';
import type { Assertion, Report } from '../analyze/report/report-schema.ts';
import { edgeCharts } from './edge-charts.ts';
import { escapeHtml as esc } from './escape-html.ts';
import { HTML_STYLES } from './html-styles.ts';
import { metricRows } from './metric-rows.ts';
import { renderChartSvg } from './render-svg.ts';
import { renderText } from './render-text.ts';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const VERDICT_TEXT = { pass: 'PASS: no budget breached', warn: 'WARN: warn-level assertions failed', fail: 'FAIL: error-level assertions failed' } as const;

const cell = (value: unknown, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${esc(value)}</td>`;

function assertionRow(a: Assertion): string {
  const actual = a.actual == null ? 'missing' : a.actual;
  return `<tr>${cell(a.passed ? 'pass' : 'FAIL', a.passed ? 'passed' : 'failed')}${cell(a.level, `level-${a.level}`)}${cell(a.id)}${cell(actual)}${cell(`${a.operator} ${a.expected}`)}${cell(a.message)}</tr>`;
}

export function renderHtml(report: Report): string {
  const failedCount = report.assertions.filter((a) => !a.passed).length;
  // The audio-edge charts (mouth-to-ear beside TTFR per turn, the slowest turn's strip) first, when the report has edges.
  const charts = [
    ...edgeCharts(report).map((chart) => `<figure>${chart.svg}</figure>`),
    ...report.series.map((series, index) => `<figure>${renderChartSvg(series, { warmupMs: report.warmupMs, idPrefix: `chart-${index}` })}</figure>`),
  ];
  const issues = report.issues.map(
    (i) =>
      `<div class="issue level-${esc(i.level)}"><div><span class="level-${esc(i.level)}">${esc(i.level)}</span> ${esc(i.message)}</div>${likelySourceLines(i)
        .map((line) => `<div class="likely-source">${esc(line)}</div>`)
        .join('')}<div>Recommendation: ${esc(i.recommendation)}</div></div>`,
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(REPORT_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>voice-soak report: ${esc(report.verdict.toUpperCase())}</title>`,
    `<style>${HTML_STYLES}</style>`,
    '</head>',
    '<body>',
    '<h1>voice-soak Performance Analysis Report</h1>',
    `<div class="meta">Target ${esc(report.target.url)} (${esc(report.target.kind)}${report.target.dialect ? `, ${esc(report.target.dialect)}` : ''}); started ${esc(report.startedAt)}; tool ${esc(report.toolVersion)}; faults: ${report.faults.length > 0 ? esc(report.faults.join(', ')) : 'none'}</div>`,
    `<div class="verdict verdict-${esc(report.verdict)}">${esc(VERDICT_TEXT[report.verdict])} (${report.issues.length} issues, ${failedCount} failed assertions)</div>`,
    '<h2>Metrics</h2>',
    '<table><thead><tr><th>Metric</th><th>Value</th><th>Budget</th></tr></thead><tbody>',
    ...metricRows(report).map((row) => `<tr>${cell(row.label)}${cell(row.value)}${cell(row.budget)}</tr>`),
    '</tbody></table>',
    '<h2>Charts</h2>',
    `<div class="charts">${charts.length > 0 ? charts.join('\n') : '<p>No series in this report.</p>'}</div>`,
    '<h2>Issues and recommendations</h2>',
    issues.length > 0 ? issues.join('\n') : '<p>None.</p>',
    ...(report.heapSites
      ? [
          '<h2>Heap allocation sites</h2>',
          `<p>${esc(heapSitesCaption(report.heapSites))}</p>`,
          '<table><thead><tr><th>Site</th><th>Growth</th><th>Noise floor</th><th>Counts</th></tr></thead><tbody>',
          ...heapSiteRows(report.heapSites).map((r) => `<tr>${cell(r.site)}${cell(r.growth)}${cell(r.floor)}${cell(r.counts)}</tr>`),
          '</tbody></table>',
        ]
      : []),
    '<h2>Assertions</h2>',
    '<table><thead><tr><th>Result</th><th>Level</th><th>Id</th><th>Actual</th><th>Expected</th><th>Message</th></tr></thead><tbody>',
    ...report.assertions.map(assertionRow),
    '</tbody></table>',
    ...(report.input.warnings.length > 0 ? ['<h2>Input warnings</h2>', `<ul>${report.input.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`] : []),
    '<h2>Text report</h2>',
    `<pre>${esc(renderText(report))}</pre>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
