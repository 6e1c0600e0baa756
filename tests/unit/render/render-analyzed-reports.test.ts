/**
 * The renderers on reports analyze() really produced, not on the hand-built sample: a clean and a faulty synthetic
 * log (harness/synth) are analyzed, then rendered as text, JSON, HTML (with its SVG charts) and Markdown. What is
 * checked is what a reader relies on: every failed assertion is named in every format, the seed-format text keeps
 * its fields and values, the HTML runs no script, and each chart draws the series the report carries.
 */
import { test, expect } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { Report } from '../../../harness/analyze/report/report-schema.ts';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { escapeHtml } from '../../../harness/render/escape-html.ts';
import { NOT_AVAILABLE } from '../../../harness/render/format-value.ts';
import { renderHtml } from '../../../harness/render/render-html.ts';
import { renderJson } from '../../../harness/render/render-json.ts';
import { renderMarkdown } from '../../../harness/render/render-markdown.ts';
import { renderChartSvg } from '../../../harness/render/render-svg.ts';
import { renderText } from '../../../harness/render/render-text.ts';
import { generateLog } from '../../../harness/synth/generate-log.ts';
import type { SynthFaults } from '../../../harness/synth/synth-faults.ts';
import { checkMarkup, foreignLinks, unsafeAttributes } from './markup-check.ts';
import { SEED_METRIC_FIELDS } from './seed-fields.ts';

/** Severities well above each fault's detection floor, so the 5-minute log fails on each of them. */
const FAULTS: SynthFaults = { heapLeakMbPerMin: 3, errorRatePerTurn: 0.5, slowFirstResponseMs: 4_000, wsBackpressureBytesPerMin: 200_000 };

function analyzedReport(faults: SynthFaults): Report {
  const [header, ...records] = [...generateLog({ durationMs: 5 * 60_000, seed: 3, faults })];
  return analyze({ header: header as LogHeader, records: records as LogRecord[] });
}

const clean = analyzedReport({});
const faulty = analyzedReport(FAULTS);
const failedIds = (report: Report) => report.assertions.filter((a) => !a.passed).map((a) => a.id);
const section = (lines: string[], heading: string) => {
  const from = lines.indexOf(heading) + 1;
  const to = lines.indexOf('', from);
  return lines.slice(from, to === -1 ? undefined : to);
};

test('the synthetic logs give the reports under test: the clean one passes, the faulty one fails on what was injected', () => {
  expect(clean.verdict).toBe('pass');
  expect(failedIds(clean)).toEqual([]);
  expect(faulty.verdict).toBe('fail');
  expect(failedIds(faulty)).toEqual(expect.arrayContaining(['heap-growth', 'errors', 'slow-first-response', 'ws-backpressure']));
  expect(faulty.series.length).toBeGreaterThan(0);
});

test('text: the seed format keeps its fields, with the report values, and names every failed assertion', () => {
  for (const report of [clean, faulty]) {
    const lines = renderText(report).split('\n');
    expect(lines.slice(0, 4)).toEqual(['Performance Analysis Report', report.startedAt, '', 'Metrics:']);
    const metrics = section(lines, 'Metrics:');
    expect(metrics.slice(0, 10).map((line) => line.slice(0, line.indexOf(': ')))).toEqual(SEED_METRIC_FIELDS);
    // A real report has every seed value: none of them reads n/a, and the counts are the report's own.
    expect(metrics.slice(0, 10).filter((line) => line.endsWith(NOT_AVAILABLE))).toEqual([]);
    expect(metrics).toContain(`- Total Errors: ${report.metrics.totalErrors}`);
    expect(metrics).toContain(`- Interruption Count: ${report.metrics.interruptionCount}`);
    expect(lines.filter((line) => /^(Metrics|Issues Detected|Recommendations):$/.test(line))).toEqual(['Metrics:', 'Issues Detected:', 'Recommendations:']);
    const issues = section(lines, 'Issues Detected:');
    if (failedIds(report).length === 0) expect(issues).toEqual(['- None']);
    for (const id of failedIds(report))
      expect(
        issues.filter((line) => line.startsWith(`- ${id}: `)),
        id,
      ).toHaveLength(1);
  }
  expect(faulty.metrics.totalErrors).toBeGreaterThan(0);
});

test('JSON: the same report back, keys sorted, every failed assertion still failed', () => {
  for (const report of [clean, faulty]) {
    const json = renderJson(report);
    const parsed = JSON.parse(json) as Report;
    expect(parsed).toEqual(JSON.parse(JSON.stringify(report)));
    expect(failedIds(parsed)).toEqual(failedIds(report));
    expect(renderJson(parsed)).toBe(json);
  }
});

test('Markdown: a row per failed assertion under Failed assertions, with its level', () => {
  const lines = renderMarkdown(faulty).split('\n');
  const failedRows = lines
    .slice(lines.indexOf('## Failed assertions'))
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Level') && !line.startsWith('| ---'));
  expect(failedRows.map((row) => row.split(' | ')[1])).toEqual(failedIds(faulty));
  for (const a of faulty.assertions.filter((x) => !x.passed))
    expect(failedRows.find((row) => row.split(' | ')[1] === a.id)!.startsWith(`| ${a.level} |`)).toBe(true);
  expect(lines[0]).toBe('# voice-soak report: FAIL');
  const cleanLines = renderMarkdown(clean).split('\n');
  expect(cleanLines[0]).toBe('# voice-soak report: PASS');
  expect(cleanLines[cleanLines.indexOf('## Failed assertions') + 2]).toBe('None.');
});

test('HTML: well formed, no script or event handler, each failed assertion in a FAIL row', () => {
  for (const report of [clean, faulty]) {
    const html = renderHtml(report);
    const { tags, attributes } = checkMarkup(html, { html: true });
    expect(tags.has('script')).toBe(false);
    expect(unsafeAttributes(attributes)).toEqual([]);
    expect(foreignLinks(html)).toEqual([]);
    expect(html).toContain(`class="summary verdict-${report.verdict}"`);
    const failRows = [
      ...html.matchAll(
        /<tr id="[^"]+"><td class="nowrap failed">FAIL<\/td><td class="level"><span class="badge level-(\w+)">\w+<\/span><\/td><td class="check-id">([^<]*)<\/td>/g,
      ),
    ].map((m) => m[2]);
    expect(failRows).toEqual(failedIds(report).map(escapeHtml));
    // The seed text is embedded as it renders alone.
    expect(html).toContain(`<pre>${escapeHtml(renderText(report))}</pre>`);
  }
});

test('charts: one SVG per report series, titled by it, drawing each of its points and its trend', () => {
  const html = renderHtml(faulty);
  // The series charts (class "chart"); the audio-edge charts before them are tested in render-edges.test.ts.
  const titles = [...html.matchAll(/<svg [^>]*class="chart"[^>]*>\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]);
  expect(titles).toEqual(faulty.series.map((s) => escapeHtml(`${s.title} (${s.unit})`)));
  expect(html.match(/<svg /g)).toHaveLength(faulty.series.length + (faulty.edges ? 2 : 0));
  for (const series of faulty.series) {
    const svg = renderChartSvg(series, { warmupMs: faulty.warmupMs });
    checkMarkup(svg);
    const line = svg.match(/<polyline class="series" points="([^"]*)"/);
    expect(line?.[1]?.split(' ') ?? [], series.id).toHaveLength(series.points.length);
    // A per-turn series marks each turn with a point; a trend is drawn as a line on a time axis and told in the legend.
    if (series.xAxis === 'turn') expect(svg.match(/class="point"/g) ?? [], series.id).toHaveLength(series.points.length);
    expect(svg.includes('class="trend"'), series.id).toBe(series.trend != null && series.xAxis === 'time');
    expect(svg.includes('>trend '), series.id).toBe(series.trend != null);
  }
  // The leak the faulty log carries is drawn as a rising trend on the heap chart.
  expect(faulty.series.find((s) => s.id === 'heap-used')?.trend?.slopePerMin).toBeGreaterThan(0);
});
