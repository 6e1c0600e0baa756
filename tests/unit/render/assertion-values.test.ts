/**
 * Assertion values in their units (formatAssertionValue, shared by the HTML and Markdown reports) and the HTML
 * report's sticky summary: a link per failed check, each to an element of the report, a chart where one draws it.
 */
import { test, expect } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { failedCheckLinks } from '../../../harness/render/check-charts.ts';
import { formatAssertionValue } from '../../../harness/render/format-value.ts';
import { renderHtml } from '../../../harness/render/render-html.ts';
import { renderMarkdown } from '../../../harness/render/render-markdown.ts';
import { verdictSentence } from '../../../harness/render/verdict-sentence.ts';
import { generateLog } from '../../../harness/synth/generate-log.ts';
import { foreignLinks } from './markup-check.ts';

const [header, ...records] = [
  ...generateLog({ durationMs: 240_000, seed: 5, faults: { heapLeakMbPerMin: 4, slowFirstResponseMs: 4000, errorRatePerTurn: 0.5, domLeakNodesPerMin: 600 } }),
];
const report = analyze({ header: header as LogHeader, records: records as LogRecord[] });

test('values read in their unit, rounded: MB/min, MB, ms, %, counts; strings as they are, null as missing', () => {
  expect(formatAssertionValue(0.11945539341001857, 'MB/min')).toBe('0.12 MB/min');
  expect(formatAssertionValue(524288000, 'bytes')).toBe('500 MB');
  expect(formatAssertionValue(65536, 'bytes')).toBe('64 KB');
  expect(formatAssertionValue(4505.6, 'bytes/min')).toBe('4.4 KB/min');
  expect(formatAssertionValue(1194.7, 'ms')).toBe('1195 ms');
  expect(formatAssertionValue(12.34, 'ms')).toBe('12.3 ms');
  expect(formatAssertionValue(0.03, 'share')).toBe('3.0 %');
  expect(formatAssertionValue(0.0006, 'share')).toBe('0.06 %');
  expect(formatAssertionValue(2, 'errors')).toBe('2 errors');
  expect(formatAssertionValue(0.25, 'errors/turn')).toBe('0.25 errors/turn');
  expect(formatAssertionValue('completed', '')).toBe('completed');
  expect(formatAssertionValue(null, 'ms')).toBe('missing');
  expect(formatAssertionValue(2.34567, undefined)).toBe('2.35'); // a report written before units
});

test('every assertion an analysis makes states its unit, and no table cell shows a raw float', () => {
  expect(report.assertions.filter((a) => a.unit === undefined).map((a) => a.id)).toEqual([]);
  const heap = report.assertions.find((a) => a.id === 'heap-growth')!;
  expect(heap.unit).toBe('MB/min');
  // A raw float has more than three significant digits after its point (0.11945539341001857), or a byte count
  // seven digits (524288000); rounded values have at most two after the leading zeros (0.12, 0.0014, 412.5).
  const rawFloat = /\.0*[1-9]\d{3,}|\d{7,}/;
  const htmlRows = [...renderHtml(report).matchAll(/<td class="value[^"]*">([^<]*)<\/td>/g)].map((m) => m[1]!);
  expect(htmlRows.length).toBe(report.assertions.length * 2);
  expect(htmlRows.filter((cell) => rawFloat.test(cell))).toEqual([]);
  const mdTable = renderMarkdown(report).split('## Failed assertions')[1]!;
  expect(mdTable).toContain(`| ${formatAssertionValue(heap.actual, 'MB/min')} | &lt;= 1 MB/min |`);
  expect(
    mdTable
      .split('\n')
      .filter((line) => line.startsWith('| error') || line.startsWith('| warn'))
      .map((line) => line.split(' | ').slice(2, 4).join(' | ')),
  ).not.toContainEqual(expect.stringMatching(rawFloat));
});

test('the sticky summary says the verdict sentence and links each failed check to its chart or its row', () => {
  const html = renderHtml(report);
  const summary = html.match(/<header class="summary verdict-fail">(.*?)<\/header>/s)![1]!;
  expect(summary).toContain(verdictSentence(report));
  const failed = report.assertions.filter((a) => !a.passed);
  const links = [...summary.matchAll(/<a class="check-link level-(\w+)" href="#([^"]+)"[^>]*>([^<]+)<\/a>/g)];
  expect(links.map((m) => m[3]).sort()).toEqual(failed.map((a) => a.id).sort());
  expect(foreignLinks(html)).toEqual([]); // every href names an element of the page
  const target = (id: string) => links.find((m) => m[3] === id)![2]!;
  expect(target('heap-growth')).toBe('chart-heap');
  expect(html).toContain('<figure id="chart-heap">');
  expect(target('dom-growth')).toBe('chart-dom-nodes');
  expect(target('errors')).toBe('check-errors'); // no chart draws errors: the assertion's row
  expect(html).toContain('<tr id="check-errors">');
  expect(failedCheckLinks(report).filter((l) => l.toChart).length).toBeGreaterThanOrEqual(3);
  // errors first
  const levels = links.map((m) => m[1]);
  expect(levels).toEqual([...levels].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)));
});
