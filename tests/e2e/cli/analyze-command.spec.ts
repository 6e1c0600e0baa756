/** `voice-soak analyze` on synthetic logs: exit codes by verdict, every format, --out, --thresholds, truncated tail. */
import { readFile, writeFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { reportSchema } from '../../../harness/analyze/report/report-schema.ts';
import { runCli, synthLogText, writeSynthLog, withScratchDir } from './run-cli.ts';

const SEVEN_MINUTES = 420_000;

test('a clean log exits 0 with the seed-format text report on stdout', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const log = await writeSynthLog(scratch('clean.jsonl'), { durationMs: SEVEN_MINUTES, seed: 1 });
    const result = await runCli(['analyze', log]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Performance Analysis Report');
    expect(lines.slice(lines.indexOf('Issues Detected:'))).toEqual(['Issues Detected:', '- None', '', 'Recommendations:', '- None', '']);
  }));

test('a leaking log exits 1 and names the issue; JSON output reads back as a Report', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const log = await writeSynthLog(scratch('leak.jsonl'), { durationMs: SEVEN_MINUTES, seed: 3, faults: { heapLeakMbPerMin: 3 } });
    const text = await runCli(['analyze', log]);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout).toMatch(/^- heap-growth: 3\.\d MB\/min > 1\.0 MB\/min/m);
    const json = await runCli(['analyze', log, '--format', 'json']);
    expect(json.code).toBe(1);
    const report = reportSchema.parse(JSON.parse(json.stdout));
    expect(report.verdict).toBe('fail');
    expect(report.issues.map((i) => i.id)).toContain('heap-growth');
  }));

test('html and md formats, written with --out', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const log = await writeSynthLog(scratch('clean.jsonl'), { durationMs: SEVEN_MINUTES, seed: 2 });
    const htmlPath = scratch('report.html');
    const html = await runCli(['analyze', log, '--format', 'html', '--out', htmlPath]);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toBe('');
    const page = await readFile(htmlPath, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('default-src &#39;none&#39;');
    expect(page).not.toContain('<script');
    const md = await runCli(['analyze', log, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout.split('\n')[0]).toBe('# voice-soak report: PASS');
  }));

test('a truncated last line is tolerated with a warning on stderr; the exit code follows the report', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const text = synthLogText({ durationMs: SEVEN_MINUTES, seed: 3, faults: { heapLeakMbPerMin: 3 } });
    const path = scratch('killed-mid-write.jsonl');
    await writeFile(path, text.slice(0, text.length - 40)); // cuts into the last record, no trailing newline
    const result = await runCli(['analyze', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^voice-soak analyze: warning: .*killed-mid-write\.jsonl:\d+: truncated last line ignored/);
    expect(result.stderr).not.toContain('    at ');
    expect(result.stdout).toContain('Performance Analysis Report');
  }));

test('--thresholds: a looser heap budget passes the leak; an invalid file exits 2 naming file and field', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const log = await writeSynthLog(scratch('leak.jsonl'), { durationMs: SEVEN_MINUTES, seed: 3, faults: { heapLeakMbPerMin: 3 } });
    const loose = scratch('loose.json');
    await writeFile(loose, JSON.stringify({ heapSlopeMbPerMin: 10 }));
    const passed = await runCli(['analyze', log, '--thresholds', loose]);
    expect(passed.code, passed.stdout).toBe(0);
    const bad = scratch('bad-thresholds.json');
    await writeFile(bad, JSON.stringify({ maxHeapBytes: -1 }));
    const failed = await runCli(['analyze', log, '--thresholds', bad]);
    expect(failed.code).toBe(2);
    expect(failed.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(failed.stderr).toMatch(/bad-thresholds\.json: field "maxHeapBytes"/);
  }));
