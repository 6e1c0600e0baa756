import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { renderJson } from '../../../harness/render/render-json.ts';
import { checkAgainstBaseline } from '../../../harness/verdict/check-against-baseline.ts';
import { loadBaseline } from '../../../harness/verdict/load-baseline.ts';
import { buildSoakSummary } from '../../../harness/verdict/build-soak-summary.ts';
import { summaryEntryFromReport } from '../../../harness/verdict/summary-entry-from-report.ts';
import { copyReportIntoRun, writeSoakSummary } from '../../../harness/render/write-soak-summary.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';

const TITLE = 'memory-monitor.spec.ts > seven minute conversation';

/** A run folder as the soak reporter leaves it: soak-summary.json plus reports/<slug>.json. */
function writeRunFolder(leakMbPerMin: number, ttfrShiftMs = 0): string {
  const dir = mkdtempSync(join(tmpdir(), 'soak-baseline-'));
  const report = buildSampleReport({ heapLeakMbPerMin: leakMbPerMin, ttfrShiftMs });
  const source = join(dir, 'source-report.json');
  writeFileSync(source, renderJson(report));
  const reportFile = copyReportIntoRun(dir, TITLE, source);
  const entry = summaryEntryFromReport({ title: TITLE, project: 'chromium', status: 'passed', report, reportFile });
  const summary = buildSoakSummary([entry], new Date(0));
  return writeSoakSummary(dir, summary, '# x\n', {}).jsonPath;
}

test('a soak-summary baseline finds each test report by title; a significant heap and TTFR regression is reported', async () => {
  const baseline = await loadBaseline(writeRunFolder(0.1));
  expect([...baseline.byTitle.keys()]).toEqual([TITLE]);
  const worse = buildSampleReport({ heapLeakMbPerMin: 3.4, ttfrShiftMs: 400 });
  const check = checkAgainstBaseline(baseline, worse, TITLE)!;
  expect(check.source).toBe(baseline.source);
  expect(check.regressions.length).toBeGreaterThanOrEqual(2);
  expect(check.regressions.join('\n')).toMatch(/^ttfr: \d+ -> \d+ ms \(\+\d+%/m);
  expect(check.improvements).toEqual([]);
  const same = checkAgainstBaseline(baseline, buildSampleReport({ heapLeakMbPerMin: 0.1 }), TITLE)!;
  expect(same.regressions).toEqual([]);
});

test('a report JSON baseline applies to every test; a summary baseline without the title and a single test still applies', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'soak-baseline-'));
  const reportPath = join(dir, 'report.json');
  writeFileSync(reportPath, renderJson(buildSampleReport({ heapLeakMbPerMin: 0.1 })));
  const fromReport = await loadBaseline(reportPath);
  expect(fromReport.single).not.toBeNull();
  expect(checkAgainstBaseline(fromReport, buildSampleReport({ ttfrShiftMs: 600 }), 'any title')!.regressions.join()).toContain('ttfr');
  const fromSummary = await loadBaseline(writeRunFolder(0.1));
  expect(checkAgainstBaseline(fromSummary, buildSampleReport({ heapLeakMbPerMin: 0.1 }), 'renamed test')).not.toBeNull();
});

test('a bad baseline is one error line naming the file and the problem', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'soak-baseline-'));
  await expect(loadBaseline(join(dir, 'nope.json'))).rejects.toThrow(`baseline ${join(dir, 'nope.json')}: file not found`);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ schemaVersion: 1, verdict: 'pass' }));
  await expect(loadBaseline(bad)).rejects.toThrow(`baseline ${bad}: not a voice-soak report: field "startedAt"`);
  const summary = join(dir, 'summary.json');
  writeFileSync(summary, JSON.stringify({ ...buildSoakSummary([], new Date(0)), tests: [{ title: 'x' }] }));
  await expect(loadBaseline(summary)).rejects.toThrow(`baseline ${summary}: field "tests[0].project"`);
});
