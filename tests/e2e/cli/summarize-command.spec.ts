/**
 * `voice-soak summarize`: the soak summary rebuilt from report JSON files or soak summaries, without Playwright
 * (the gate of sharded CI). Exit 0 passed, 1 failed, 2 unusable input naming file and field, 64 bad usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { renderJson } from '../../../harness/render/render-json.ts';
import { historySchema } from '../../../harness/verdict/history-schema.ts';
import { soakSummarySchema, type SoakSummary } from '../../../harness/verdict/soak-summary-schema.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';
import { runCli, withScratchDir } from './run-cli.ts';

const readSummary = (dir: string): SoakSummary => soakSummarySchema.parse(JSON.parse(readFileSync(`${dir}/soak-summary.json`, 'utf8')));

function writeReport(path: string, heapLeakMbPerMin: number, ttfrShiftMs = 0): string {
  writeFileSync(path, renderJson(buildSampleReport({ heapLeakMbPerMin, ttfrShiftMs })));
  return path;
}

test('reports from two shards make one failed summary, with the table, the Markdown and the history', async () => {
  await withScratchDir('summarize', async (at) => {
    const leaking = writeReport(at('shard-1-report.json'), 3.4);
    const clean = writeReport(at('shard-2-report.json'), 0.1);
    const result = await runCli(['summarize', leaking, clean, '--out-dir', at('merged'), '--history', at('history.json')]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('voice-soak: 2 soak tests, 1 failed');
    expect(result.stdout).toMatch(/verdict: failed\n$/);
    const summary = readSummary(at('merged'));
    expect(summary.status).toBe('failed');
    expect(summary.tests.map((t) => [t.title, t.verdict, t.status])).toEqual([
      [leaking, 'fail', 'unknown'],
      [clean, 'pass', 'unknown'],
    ]);
    expect(summary.tests[0]!.failures[0]).toMatch(/^heap-growth: 3\.4 MB\/min > 1\.0 MB\/min/);
    for (const entry of summary.tests) expect(JSON.parse(readFileSync(at(`merged/${entry.reportFile}`), 'utf8')).schemaVersion).toBe(1);
    expect(readFileSync(at('merged/soak-summary.md'), 'utf8')).toContain('# voice-soak: FAILED');
    expect(historySchema.parse(JSON.parse(readFileSync(at('history.json'), 'utf8'))).runs).toHaveLength(1);
  });
});

test("a run's summary summarized again keeps titles, outcomes and notes, and passes or fails as it did", async () => {
  await withScratchDir('summarize-again', async (at) => {
    const clean = writeReport(at('clean.json'), 0.1);
    expect((await runCli(['summarize', clean, '--out-dir', at('run')])).code).toBe(0);
    const first = readSummary(at('run'));
    const again = await runCli(['summarize', at('run/soak-summary.json'), '--out-dir', at('run')]); // reports already in place
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/verdict: passed\n$/);
    const strip = (s: SoakSummary) =>
      s.tests.map(({ title, status, verdict, reportFile, metrics, failures }) => ({ title, status, verdict, reportFile, metrics, failures }));
    expect(strip(readSummary(at('run')))).toEqual(strip(first));

    // A test of the summary that left no report is missing data: never a pass.
    const withMissing = {
      ...first,
      tests: [...first.tests, { ...first.tests[0]!, title: 'crashed', verdict: 'missing', reportFile: null, note: 'not analyzed: disk full' }],
    };
    writeFileSync(at('run/with-missing.json'), JSON.stringify(withMissing)); // its reportFiles are relative to run/
    const missing = await runCli(['summarize', at('run/with-missing.json'), '--out-dir', at('again')]);
    expect(missing.code, missing.stderr).toBe(1);
    expect(readSummary(at('again')).tests[1]).toMatchObject({ title: 'crashed', verdict: 'missing', note: 'not analyzed: disk full' });
  });
});

test('a regression against --baseline fails a summary whose reports pass', async () => {
  await withScratchDir('summarize-baseline', async (at) => {
    const before = writeReport(at('before.json'), 0.1);
    const after = writeReport(at('after.json'), 0.1, 400);
    const result = await runCli(['summarize', after, '--baseline', before, '--out-dir', at('out')]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const [entry] = readSummary(at('out')).tests;
    expect(entry!.verdict).toBe('pass');
    expect(entry!.baseline?.regressions.join('\n')).toMatch(/^ttfr: \d+ -> \d+ ms \(\+\d+%/m);
  });
});

test('unusable input is one line naming the file and the field, exit 2; bad usage exit 64; no stack trace', async () => {
  await withScratchDir('summarize-bad', async (at) => {
    const good = writeReport(at('good.json'), 0.1);
    writeFileSync(at('not-json.json'), '{"schemaVersion": 1,');
    writeFileSync(at('bad-field.json'), JSON.stringify({ ...JSON.parse(readFileSync(good, 'utf8')), verdict: 'maybe' }));
    writeFileSync(at('other.json'), JSON.stringify({ hello: 'world' }));
    writeFileSync(at('dangling.json'), JSON.stringify({ ...soakSummaryOf(), tests: [{ ...soakSummaryOf().tests[0]!, reportFile: 'reports/gone.json' }] }));
    writeFileSync(at('run.jsonl'), '{"type":"header"}\n');
    const cases: [string[], number, RegExp][] = [
      [[at('absent.json')], 2, /absent\.json: no such file$/],
      [[at('not-json.json')], 2, /not-json\.json: not JSON \(/],
      [[good, at('bad-field.json')], 2, /bad-field\.json: not a usable report: field "verdict": /],
      [[at('other.json')], 2, /other\.json: not a voice-soak report or soak summary/],
      [[at('dangling.json')], 2, /reports\/gone\.json: no such file$/],
      [[at('run.jsonl')], 2, /run\.jsonl: a JSONL log, not a report: write its report with `voice-soak analyze /],
      [[], 64, /^voice-soak summarize: missing <reports> \(usage: voice-soak summarize <reports\.\.\.>/],
      [[good, '--trend-runs', '0'], 64, /--trend-runs must be a positive integer, got "0"$/],
    ];
    for (const [args, code, message] of cases) {
      const result = await runCli(['summarize', ...args, '--out-dir', at('out')]);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(code);
      const lines = result.stderr.trim().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(lines[0]).toMatch(/^voice-soak summarize: /);
    }
  });
});

function soakSummaryOf(): SoakSummary {
  return {
    schemaVersion: 1,
    kind: 'voice-soak-summary',
    generatedAt: '2026-12-01T00:00:00.000Z',
    status: 'passed',
    tests: [
      {
        title: 't',
        project: 'chromium',
        status: 'passed',
        verdict: 'pass',
        reportFile: 'reports/t.json',
        recovered: false,
        partial: null,
        metrics: {},
        issues: [],
        failures: [],
        warnings: [],
        baseline: null,
      },
    ],
  };
}
