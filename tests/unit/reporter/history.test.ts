import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { appendHistoryRun, historyRunFromSummary } from '../../../harness/verdict/append-history-run.ts';
import { readHistoryFile, writeHistoryFile } from '../../../harness/verdict/history-file.ts';
import { EMPTY_HISTORY, HISTORY_MAX_RUNS, type History } from '../../../harness/verdict/history-schema.ts';
import { historyValues, renderHistoryTrends } from '../../../harness/render/render-history-trends.ts';
import { sparklineText } from '../../../harness/render/sparkline-text.ts';
import { buildSoakSummary } from '../../../harness/verdict/build-soak-summary.ts';
import { summaryEntryFromReport } from '../../../harness/verdict/summary-entry-from-report.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';

function nightly(leakMbPerMin: number, day: number) {
  const report = buildSampleReport({ heapLeakMbPerMin: leakMbPerMin });
  const entry = summaryEntryFromReport({ title: 'soak > conversation', project: 'chromium', status: 'passed', report, reportFile: null });
  return buildSoakSummary([entry], new Date(Date.UTC(2025, 4, day)));
}

test('history keeps the last 60 runs, oldest first', () => {
  let history: History = EMPTY_HISTORY;
  for (let day = 1; day <= HISTORY_MAX_RUNS + 5; day++) history = appendHistoryRun(history, historyRunFromSummary(nightly(day / 100, day)));
  expect(history.runs).toHaveLength(60);
  expect(history.runs[0]!.tests[0]!.metrics.heapSlopeMbPerMin).toBe(0.06);
  expect(history.runs.at(-1)!.tests[0]!.metrics.heapSlopeMbPerMin).toBe(0.65);
  expect(EMPTY_HISTORY.runs).toEqual([]);
  expect(() => appendHistoryRun(history, history.runs[0]!, 0)).toThrow('appendHistoryRun: maxRuns must be a positive integer, got 0');
});

test('the history file round-trips, a missing one is empty, a broken one is an error naming file and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soak-history-'));
  const path = join(dir, 'nested', 'history.json');
  expect(readHistoryFile(path)).toEqual(EMPTY_HISTORY);
  const history = appendHistoryRun(EMPTY_HISTORY, historyRunFromSummary(nightly(0.2, 1), 'abc123'));
  writeHistoryFile(path, history);
  expect(readHistoryFile(path)).toEqual(history);
  expect(JSON.parse(readFileSync(path, 'utf8')).runs[0].revision).toBe('abc123');

  writeFileSync(path, '{"schemaVersion": 1, "kind": "voice-soak-history", "runs": [{"status": "maybe"}]}');
  expect(() => readHistoryFile(path)).toThrow(`history file ${path}: field "runs[0].finishedAt"`);
  writeFileSync(path, '{not json');
  expect(() => readHistoryFile(path)).toThrow(`history file ${path}: not valid JSON`);
});

test('sparklines scale from the lowest to the highest value and show gaps', () => {
  expect(sparklineText([1, 2, 3, 4, 5, 6, 7, 8])).toBe('\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588');
  expect(sparklineText([0, null, 10])).toBe('\u2581 \u2588');
  expect(sparklineText([5, 5])).toBe('\u2584\u2584');
  expect(sparklineText([])).toBe('');
});

test('the trend table shows each metric across the last N runs', () => {
  let history: History = EMPTY_HISTORY;
  for (const [day, leak] of [
    [1, 0.1],
    [2, 0.2],
    [3, 2.5],
  ] as const)
    history = appendHistoryRun(history, historyRunFromSummary(nightly(leak, day)));
  expect(historyValues(history, 'soak > conversation', 'heapSlopeMbPerMin', 2)).toEqual([0.2, 2.5]);
  expect(historyValues(history, 'no such test', 'heapSlopeMbPerMin', 3)).toEqual([null, null, null]);
  const md = renderHistoryTrends(history, 14);
  expect(md).toContain('## Trend over the last 3 runs');
  expect(md).toContain('### soak &gt; conversation');
  expect(md).toMatch(/\| heap slope \(MB\/min\) \| `\u2581\u2581\u2588` \| 0\.10, 0\.20, 2\.50 \| 2\.50 MB\/min \|/);
  expect(renderHistoryTrends(EMPTY_HISTORY)).toBe('');
});
