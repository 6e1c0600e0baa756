/**
 * A cut-short run (run-complete failed: interrupted, timed out, page hung, log cut off) is marked partial in the
 * summary, in the console table, in the history (and its values are kept out of the trend), and is refused as a
 * baseline. A run that finished is none of these.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import type { Report } from '../../../harness/analyze/report/report-schema.ts';
import { appendHistoryRun, historyRunFromSummary } from '../../../harness/verdict/append-history-run.ts';
import { EMPTY_HISTORY, historySchema } from '../../../harness/verdict/history-schema.ts';
import { loadBaseline } from '../../../harness/verdict/load-baseline.ts';
import { renderHistoryTrends } from '../../../harness/render/render-history-trends.ts';
import { renderJson } from '../../../harness/render/render-json.ts';
import { buildSoakSummary } from '../../../harness/verdict/build-soak-summary.ts';
import { partialRunReason } from '../../../harness/verdict/partial-run.ts';
import { renderSummaryMarkdown } from '../../../harness/render/render-summary-markdown.ts';
import { renderSummaryTable } from '../../../harness/render/render-summary-table.ts';
import { soakSummarySchema } from '../../../harness/verdict/soak-summary-schema.ts';
import { summaryEntryFromReport } from '../../../harness/verdict/summary-entry-from-report.ts';
import { copyReportIntoRun, writeSoakSummary } from '../../../harness/render/write-soak-summary.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';

const TITLE = 'soak > conversation';

function cutShort(report: Report, reason: string, atMs: number): Report {
  const message = `run-complete: partial: ${reason} at ${atMs / 1000} s; the report covers what was seen until then`;
  return {
    ...report,
    verdict: 'fail',
    issues: [
      ...report.issues,
      {
        id: 'run-complete',
        level: 'error',
        title: 'The run did not finish',
        message,
        evidence: { reason, atMs },
        window: { fromMs: atMs, toMs: atMs },
        recommendation: 'run it again',
      },
    ],
    assertions: [
      ...report.assertions,
      { id: 'run-complete', level: 'error', expected: 'completed', actual: 'partial', operator: '==', passed: false, message },
    ],
  };
}

const entryOf = (report: Report, status = 'passed') => summaryEntryFromReport({ title: TITLE, project: 'chromium', status, report, reportFile: null });

test('the summary entry of a cut-short run says what cut it short and when; the table and Markdown mark it', () => {
  const partial = cutShort(buildSampleReport({ heapLeakMbPerMin: 0.1 }), 'test interrupted', 14_800);
  expect(partialRunReason(partial)).toBe('test interrupted at 14.8 s');
  expect(partialRunReason(buildSampleReport({ heapLeakMbPerMin: 0.1 }))).toBeNull();
  expect(partialRunReason(null)).toBeNull();
  const summary = buildSoakSummary([entryOf(partial, 'interrupted')], new Date(0));
  expect(summary.status).toBe('failed');
  expect(summary.tests[0]!.partial).toBe('test interrupted at 14.8 s');
  expect(renderSummaryTable(summary)).toMatch(/FAIL \(partial\)/);
  expect(renderSummaryTable(summary)).toContain('run-complete: partial: test interrupted at 14.8 s');
  expect(renderSummaryMarkdown(summary)).toContain('| FAIL (partial) |');
  // Summaries written before the field existed still read, as runs that were not partial.
  const { partial: _dropped, ...old } = buildSoakSummary([entryOf(buildSampleReport({ heapLeakMbPerMin: 0.1 }))], new Date(0)).tests[0]!;
  expect(soakSummarySchema.parse({ ...summary, tests: [old] }).tests[0]!.partial).toBeNull();
});

test('the history marks a partial run and keeps its values out of the trend sparkline', () => {
  let history = EMPTY_HISTORY;
  for (const leak of [0.1, 0.2])
    history = appendHistoryRun(history, historyRunFromSummary(buildSoakSummary([entryOf(buildSampleReport({ heapLeakMbPerMin: leak }))], new Date(0))));
  const partial = cutShort(buildSampleReport({ heapLeakMbPerMin: 9 }), 'page unresponsive since 20.0 s', 21_000);
  history = appendHistoryRun(history, historyRunFromSummary(buildSoakSummary([entryOf(partial, 'failed')], new Date(0))));
  expect(historySchema.parse(history).runs.map((r) => r.tests[0]!.partial)).toEqual([undefined, undefined, 'page unresponsive since 20.0 s at 21.0 s']);
  const md = renderHistoryTrends(history);
  const heapRow = md.split('\n').find((l) => l.startsWith('| heap slope'))!;
  expect(heapRow).toMatch(/\| `\S\S ` \| 0\.10, 0\.20, \d+\.\d+\* \| \d+\.\d+ MB\/min\* \|/);
  expect(md).toContain('a partial run (cut short)');
});

test('a test that left no report fails the summary: missing data is never a pass', () => {
  const entry = summaryEntryFromReport({
    title: TITLE,
    project: 'chromium',
    status: 'failed',
    report: null,
    reportFile: null,
    note: 'not analyzed: log write failed at 11.5 s',
  });
  const summary = buildSoakSummary([entry], new Date(0));
  expect(entry.verdict).toBe('missing');
  expect(summary.status).toBe('failed');
  expect(renderSummaryTable(summary)).toMatch(/^voice-soak: 1 soak test, 1 failed$/m);
});

test('a partial run is refused as a baseline, as a report and inside a summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'soak-partial-baseline-'));
  const reportPath = join(dir, 'report.json');
  writeFileSync(reportPath, renderJson(cutShort(buildSampleReport({ heapLeakMbPerMin: 0.1 }), 'test timedOut', 60_000)));
  await expect(loadBaseline(reportPath)).rejects.toThrow(
    `baseline ${reportPath}: a partial run (test timedOut at 60.0 s); use a run that finished its script as the baseline`,
  );
  const reportFile = copyReportIntoRun(dir, TITLE, reportPath);
  const summaryPath = writeSoakSummary(
    dir,
    buildSoakSummary([summaryEntryFromReport({ title: TITLE, project: 'chromium', status: 'timedOut', report: null, reportFile })], new Date(0)),
    '# x\n',
    {},
  ).jsonPath;
  await expect(loadBaseline(summaryPath)).rejects.toThrow(/: a partial run \(test timedOut at 60\.0 s\)/);
  const completed = join(dir, 'completed.json');
  writeFileSync(completed, renderJson(buildSampleReport({ heapLeakMbPerMin: 0.1 })));
  expect((await loadBaseline(completed)).single).not.toBeNull();
});
