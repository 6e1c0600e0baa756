/**
 * Input that is wrong is an error (exit 2, one line), never a quiet wrong answer: timestamps that go backwards,
 * a log with no records, an empty compare side, and artifacts given to the command that does not take them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { soakSummarySchema } from '../../../harness/verdict/soak-summary-schema.ts';
import { runCli, synthLogText, withScratchDir, writeSynthLog, type CliResult } from './run-cli.ts';

const SUMMARY = soakSummarySchema.parse({
  schemaVersion: 1,
  kind: 'voice-soak-summary',
  generatedAt: '2025-01-01T00:00:00Z',
  status: 'passed',
  tests: [
    {
      title: 'soak',
      project: 'chromium',
      status: 'passed',
      verdict: 'pass',
      reportFile: null,
      recovered: false,
      metrics: {},
      issues: [],
      failures: [],
      warnings: [],
      baseline: null,
    },
  ],
});

function expectInputError(result: CliResult, command: string, message: string | RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  if (typeof message === 'string') expect(lines[0]).toBe(`voice-soak ${command}: ${message}`);
  else expect(lines[0]).toMatch(message);
}

test('analyze: a cdp sample moved back in time exits 2 naming file, line and field (it used to pass with a negative gap)', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const lines = synthLogText({ durationMs: 60_000, seed: 1 }).trimEnd().split('\n');
    const cdpLines = lines.map((line, i) => [line, i] as const).filter(([line]) => line.includes('"type":"cdp"'));
    const [, earlierIndex] = cdpLines[10]!;
    const [laterLine, laterIndex] = cdpLines[11]!;
    const earlierTMs = (JSON.parse(lines[earlierIndex]!) as { tMs: number }).tMs;
    lines[laterIndex] = JSON.stringify({ ...JSON.parse(laterLine), tMs: earlierTMs - 500 });
    const path = scratch('backwards.jsonl');
    await writeFile(path, `${lines.join('\n')}\n`);
    expectInputError(
      await runCli(['analyze', path]),
      'analyze',
      `${path}:${laterIndex + 1}: tMs: ${earlierTMs - 500} is earlier than line ${earlierIndex + 1} (${earlierTMs}): timestamps of CDP samples must not go backwards`,
    );
  }));

test('analyze: an rt event moved back in time exits 2 (it used to give a TTFR of 0 ms)', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const lines = synthLogText({ durationMs: 60_000, seed: 1 }).trimEnd().split('\n');
    const index = lines.findIndex((line) => line.includes('"kind":"first-audio"'));
    lines[index] = JSON.stringify({ ...JSON.parse(lines[index]!), tMs: 0 });
    const path = scratch('backwards-rt.jsonl');
    await writeFile(path, `${lines.join('\n')}\n`);
    expectInputError(
      await runCli(['analyze', path]),
      'analyze',
      new RegExp(`backwards-rt\\.jsonl:${index + 1}: tMs: 0 is earlier than line \\d+ \\(.+\\): timestamps of rt events must not go backwards$`),
    );
  }));

test('analyze: a header-only log exits 2 with one line, not 1 with a report', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const path = scratch('run.jsonl');
    await writeFile(path, `${synthLogText({ durationMs: 10_000, seed: 1 }).split('\n')[0]}\n`);
    expectInputError(await runCli(['analyze', path]), 'analyze', `${path}: no records after the header: nothing to analyze`);
  }));

test('analyze: a soak summary or a report JSON says what it is and which command takes it', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const summary = scratch('soak-summary.json');
    await writeFile(summary, JSON.stringify(SUMMARY, null, 2));
    expectInputError(
      await runCli(['analyze', summary]),
      'analyze',
      `${summary}: a voice-soak soak summary, not a JSONL log: use \`voice-soak verdict ${summary}\``,
    );
    const log = await writeSynthLog(scratch('clean.jsonl'), { durationMs: 60_000, seed: 1 });
    const report = scratch('report.json');
    expect((await runCli(['analyze', log, '--format', 'json', '--out', report])).code).not.toBe(2);
    expectInputError(
      await runCli(['analyze', report]),
      'analyze',
      `${report}: a voice-soak report JSON, not a JSONL log: use \`voice-soak compare <before> <after>\` (it takes reports and logs)`,
    );
  }));

test('compare: an empty or header-only side exits 2, not "no significant regression"', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const good = await writeSynthLog(scratch('clean.jsonl'), { durationMs: 60_000, seed: 1 });
    const headerOnly = scratch('header-only.jsonl');
    await writeFile(headerOnly, `${synthLogText({ durationMs: 10_000, seed: 1 }).split('\n')[0]}\n`);
    const empty = scratch('empty.jsonl');
    await writeFile(empty, '');
    expectInputError(await runCli(['compare', good, headerOnly]), 'compare', `${headerOnly}: no records after the header: nothing to analyze`);
    expectInputError(await runCli(['compare', headerOnly, good]), 'compare', `${headerOnly}: no records after the header: nothing to analyze`);
    expectInputError(await runCli(['compare', empty, good]), 'compare', `${empty}: empty file (expected a header line)`);
    // A report saved from a log with no records (older voice-soak versions wrote one) is no side either.
    const report = scratch('report.json');
    expect((await runCli(['analyze', good, '--format', 'json', '--out', report])).code).not.toBe(2);
    const emptyReport = scratch('empty-report.json');
    const json = JSON.parse(await readFile(report, 'utf8')) as { input: { records: Record<string, number> } };
    json.input.records = Object.fromEntries(Object.keys(json.input.records).map((type) => [type, 0]));
    await writeFile(emptyReport, JSON.stringify(json, null, 2));
    expectInputError(await runCli(['compare', good, emptyReport]), 'compare', `${emptyReport}: a report of a log with no records: nothing to compare`);
  }));

test('compare: a soak summary says it is one and that verdict takes it, instead of "not JSON"', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const good = await writeSynthLog(scratch('clean.jsonl'), { durationMs: 60_000, seed: 1 });
    const pretty = scratch('soak-summary.json');
    await writeFile(pretty, JSON.stringify(SUMMARY, null, 2));
    expectInputError(
      await runCli(['compare', pretty, good]),
      'compare',
      `${pretty}: a voice-soak soak summary, not a report or a log: use \`voice-soak verdict ${pretty}\``,
    );
    const oneLine = scratch('one-line-summary.json');
    await writeFile(oneLine, `${JSON.stringify(SUMMARY)}\n`);
    expectInputError(
      await runCli(['compare', good, oneLine]),
      'compare',
      /one-line-summary\.json: a voice-soak soak summary, not .*: use `voice-soak verdict .*one-line-summary\.json`$/,
    );
  }));

test('escape sequences from a log never reach the terminal raw: text and JSON reports, warnings and errors', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
    const lines = synthLogText({ durationMs: 60_000, seed: 1 }).trimEnd().split('\n');
    const evil = '\u001b[2J\u001b]0;owned\u0007\u009b31mVerdict: pass\r';
    const lastTMs = (JSON.parse(lines.at(-1)!) as { tMs: number }).tMs;
    lines.push(JSON.stringify({ type: 'monitor', tMs: lastTMs, kind: 'error', source: 'server', message: evil }));
    lines.push(JSON.stringify({ type: 'monitor', tMs: lastTMs, kind: 'interruption', reason: evil }));
    const path = scratch('evil.jsonl');
    await writeFile(path, `${lines.join('\n')}\n{"type":"harness","tMs":1,"detail":"\u009b2J`); // truncated last line: a warning
    for (const format of ['text', 'json', 'md', 'html']) {
      const result = await runCli(['analyze', path, '--format', format]);
      expect(result.code, result.stderr).toBe(1);
      expect(RAW_CONTROL.test(result.stdout), format).toBe(false);
      expect(result.stderr).toContain('warning: ');
      expect(RAW_CONTROL.test(result.stderr.replace(/\n/g, '')), result.stderr).toBe(false);
    }
    const text = await runCli(['analyze', path]);
    expect(text.stdout).toContain('(first at 60.0 s: server: Verdict: pass )'); // the sequences gone, the text kept
    const badField = scratch('bad-field.jsonl');
    await writeFile(badField, `${lines[0]}\n${JSON.stringify({ type: `cdp\u009b2J\u0085`, tMs: 1 })}\n`);
    const error = await runCli(['analyze', badField]);
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(/bad-field\.jsonl:2: field "type": unknown record type/);
    expect(RAW_CONTROL.test(error.stderr.trimEnd()), error.stderr).toBe(false);
  }));
