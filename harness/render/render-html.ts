/**
 * One self-contained HTML report: a sticky summary (the verdict sentence with its counts and a link per failed check
 * to the chart that shows it, or to its row), metrics table, inline SVG charts (each figure with an id), issues with
 * recommendations, assertions (values in their units), and the seed-format text in a <pre>. No script at all, no network (a CSP of default-src 'none' with
 * inline styles and data: images only); every string from the log is escaped. Pure: Report in, string out.
 */
import { heapSiteRows, heapSitesCaption, likelySourceLines } from './heap-sites-rows.ts';
import type { Assertion, Report } from '../analyze/report/report-schema.ts';
import { chartAnchor, checkAnchor, failedCheckLinks } from './check-charts.ts';
import { edgeCharts } from './edge-charts.ts';
import { escapeHtml as esc } from './escape-html.ts';
import { formatAssertionValue } from './format-value.ts';
import { HTML_STYLES } from './html-styles.ts';
import { metricRows } from './metric-rows.ts';
import { renderChartSvg } from './render-svg.ts';
import { renderText } from './render-text.ts';
import { chartAttachmentName } from './soak-attachment-names.ts';
import { verdictSentence } from './verdict-sentence.ts';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const cell = (value: unknown, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${esc(value)}</td>`;
const badge = (level: Assertion['level']) => `<td class="level"><span class="badge level-${esc(level)}">${esc(level)}</span></td>`;

function assertionRow(a: Assertion): string {
  // Numbers read in their unit and never wrap; a long string value (cycle-leak's list) may.
  const valueClass = (value: unknown, which: string) => `value ${which}${typeof value === 'string' && value.length > 24 ? '' : ' nowrap'}`;
  const expected = `${a.operator} ${formatAssertionValue(a.expected, a.unit)}`;
  return `<tr id="${esc(checkAnchor(a.id))}">${cell(a.passed ? 'pass' : 'FAIL', `nowrap ${a.passed ? 'passed' : 'failed'}`)}${badge(a.level)}${cell(a.id, 'check-id')}${cell(formatAssertionValue(a.actual, a.unit), valueClass(a.actual, 'actual'))}${cell(expected, valueClass(a.expected, 'expected'))}${cell(a.message, 'message')}</tr>`;
}

/** The sticky summary: the verdict sentence, then a link per failed check to its chart (or its row). */
function summaryHeader(report: Report): string {
  const links = failedCheckLinks(report).map(
    (link) =>
      `<a class="check-link level-${esc(link.assertion.level)}" href="${esc(link.href)}" title="${esc(link.assertion.message)}">${esc(link.assertion.id)}</a>`,
  );
  return [
    `<header class="summary verdict-${esc(report.verdict)}">`,
    `<div class="verdict">${esc(verdictSentence(report))}</div>`,
    links.length > 0 ? `<nav class="failed-checks" aria-label="Failed checks">${links.join(' ')}</nav>` : '',
    '</header>',
  ].join('');
}

export function renderHtml(report: Report): string {
  // The audio-edge charts (mouth-to-ear beside TTFR per turn, the slowest turn's strip) first, when the report has edges.
  const figure = (anchor: string, svg: string) => `<figure id="${esc(anchor)}">${svg}</figure>`;
  const charts = [
    ...edgeCharts(report).map((chart) => figure(chartAnchor(chart.name), chart.svg)),
    ...report.series.map((series, index) =>
      figure(chartAnchor(chartAttachmentName(series.id)), renderChartSvg(series, { warmupMs: report.warmupMs, idPrefix: `chart-${index}` })),
    ),
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
    summaryHeader(report),
    '<h1>voice-soak Performance Analysis Report</h1>',
    `<div class="meta">Target ${esc(report.target.url)} (${esc(report.target.kind)}${report.target.dialect ? `, ${esc(report.target.dialect)}` : ''}); started ${esc(report.startedAt)}; tool ${esc(report.toolVersion)}; faults: ${report.faults.length > 0 ? esc(report.faults.join(', ')) : 'none'}</div>`,
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
    '<div class="table-wrap"><table class="assertions"><thead><tr><th>Result</th><th>Level</th><th>Id</th><th>Actual</th><th>Expected</th><th>Message</th></tr></thead><tbody>',
    ...report.assertions.map(assertionRow),
    '</tbody></table></div>',
    ...(report.input.warnings.length > 0 ? ['<h2>Input warnings</h2>', `<ul>${report.input.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`] : []),
    '<h2>Text report</h2>',
    `<pre>${esc(renderText(report))}</pre>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
