import { test, expect } from '@playwright/test';
import type { Report } from '../../../harness/analyze/report/report-schema.ts';
import { buildSoakSummary } from '../../../harness/verdict/build-soak-summary.ts';
import { renderSummaryMarkdown } from '../../../harness/render/render-summary-markdown.ts';
import { renderSummaryTable } from '../../../harness/render/render-summary-table.ts';
import { soakSummarySchema } from '../../../harness/verdict/soak-summary-schema.ts';
import { entryFailsRun, summaryEntryFromReport } from '../../../harness/verdict/summary-entry-from-report.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';

const entry = (title: string, report: Report | null) =>
  summaryEntryFromReport({ title, project: 'chromium', status: 'passed', report, reportFile: report ? 'reports/x.json' : null });

function withWarnOnly(report: Report): Report {
  return {
    ...report,
    verdict: 'warn',
    assertions: [
      ...report.assertions,
      { id: 'audio-gaps', level: 'warn', expected: 2, actual: 3.5, operator: '<=', passed: false, message: 'audio-gaps: 3.5/min > 2/min' },
    ],
  };
}

test('a leaking run fails the summary with its error-level assertion message; a warn-only run does not', () => {
  const leak = entry('memory-monitor.spec.ts > leak', buildSampleReport({ heapLeakMbPerMin: 3.4 }));
  const warnOnly = entry('memory-monitor.spec.ts > warn', withWarnOnly(buildSampleReport({ heapLeakMbPerMin: 0.1 })));
  expect(leak.verdict).toBe('fail');
  expect(leak.failures).toEqual(['heap-growth: 3.4 MB/min > 1.0 MB/min']);
  expect(leak.metrics.heapSlopeMbPerMin).toBe(3.4);
  expect(leak.metrics.ttfrP95Ms).toBe(788.4);
  expect(entryFailsRun(leak)).toBe(true);
  expect(warnOnly.failures).toEqual([]);
  expect(warnOnly.warnings).toEqual(['audio-gaps: 3.5/min > 2/min']);
  expect(entryFailsRun(warnOnly)).toBe(false);

  expect(buildSoakSummary([warnOnly], new Date(0)).status).toBe('passed');
  const summary = buildSoakSummary([leak, warnOnly], new Date('2025-05-02T03:00:00Z'));
  expect(summary.status).toBe('failed');
  expect(soakSummarySchema.parse(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
});

test('a regression against the baseline fails the run even when the report passed', () => {
  const clean = entry('t', buildSampleReport({ heapLeakMbPerMin: 0.1 }));
  expect(entryFailsRun(clean)).toBe(false);
  clean.baseline = { source: 'b.json', regressions: ['ttfr: 700 -> 900 ms (+28%)'], improvements: [] };
  expect(entryFailsRun(clean)).toBe(true);
  expect(buildSoakSummary([clean], new Date(0)).status).toBe('failed');
});

test('the console table has one row per test with verdict, heap slope, TTFR p95, errors and issues, then the findings', () => {
  const summary = buildSoakSummary([entry('leak test', buildSampleReport({ heapLeakMbPerMin: 3.4 })), entry('crashed test', null)], new Date(0));
  const lines = renderSummaryTable(summary).split('\n');
  expect(lines[0]).toBe('voice-soak: 2 soak tests, 2 failed'); // a test that left no report fails too
  expect(lines[1]).toMatch(/^test\s+verdict\s+heap slope\s+TTFR p95\s+errors\s+issues$/);
  expect(lines[2]).toMatch(/^leak test\s+FAIL\s+3\.40 MB\/min\s+788 ms\s+0\s+1$/);
  expect(lines[3]).toMatch(/^crashed test\s+MISSING\s+n\/a\s+n\/a\s+n\/a\s+0$/);
  expect(lines).toContain('  error  leak test: heap-growth: 3.4 MB/min > 1.0 MB/min');
});

test('the Markdown summary escapes titles and messages and lists errors before warnings', () => {
  const report = withWarnOnly(buildSampleReport({ heapLeakMbPerMin: 3.4 }));
  const md = renderSummaryMarkdown(buildSoakSummary([entry('<img src=x> | pipe', report)], new Date(0)));
  expect(md).toContain('# voice-soak: FAILED');
  expect(md).not.toContain('<img');
  expect(md).toContain('&lt;img src=x&gt; \\| pipe');
  const error = md.indexOf('**error** heap-growth');
  const warn = md.indexOf('warn audio-gaps');
  expect(error).toBeGreaterThan(0);
  expect(warn).toBeGreaterThan(error);
});
