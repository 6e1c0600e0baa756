/** `voice-soak compare`: clean vs clean exits 0, clean vs heap leak exits 1; logs and report JSON both accepted. */
import { writeFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import { comparisonSchema } from '../../../harness/analyze/compare/comparison-schema.ts';
import { fixturePath, runCli, writeSynthLog, withScratchDir } from './run-cli.ts';

const SEVEN_MINUTES = 420_000;

test('clean vs clean: no regression, exit 0', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const before = await writeSynthLog(scratch('clean-1.jsonl'), { durationMs: SEVEN_MINUTES, seed: 1 });
    const after = await writeSynthLog(scratch('clean-2.jsonl'), { durationMs: SEVEN_MINUTES, seed: 2 });
    const result = await runCli(['compare', before, after]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Verdict: no significant regression');
  }));

test('clean vs heap leak: regression, exit 1; a saved report JSON works as input', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const before = await writeSynthLog(scratch('clean.jsonl'), { durationMs: SEVEN_MINUTES, seed: 1 });
    const after = await writeSynthLog(scratch('leak.jsonl'), { durationMs: SEVEN_MINUTES, seed: 4, faults: { heapLeakMbPerMin: 3 } });
    const text = await runCli(['compare', before, after]);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout).toMatch(/^Heap growth .* REGRESSION$/m);
    const reportPath = scratch('clean-report.json');
    const saved = await runCli(['analyze', before, '--format', 'json', '--out', reportPath]);
    expect(saved.code).toBe(0);
    const json = await runCli(['compare', reportPath, after, '--format', 'json']);
    expect(json.code, json.stderr).toBe(1);
    const comparison = comparisonSchema.parse(JSON.parse(json.stdout));
    expect(comparison.regressions).toContain('heap-growth');
    expect(comparison.before.verdict).toBe('pass');
  }));

test('unusable inputs exit 2 with one line naming the file', async ({}, testInfo) =>
  withScratchDir(testInfo.title, async (scratch) => {
    const good = await writeSynthLog(scratch('clean.jsonl'), { durationMs: 120_000, seed: 1 });
    const badReport = scratch('bad-report.json');
    await writeFile(badReport, JSON.stringify({ schemaVersion: 1, metrics: { durationMs: 'long' } }, null, 2));
    const cases: [string, RegExp][] = [
      [fixturePath('bad-logs/wrong-types.jsonl'), /wrong-types\.jsonl:3: field "heapUsedBytes"/],
      [badReport, /bad-report\.json: not a usable report: field "/],
      [scratch('missing.json'), /missing\.json: no such file/],
    ];
    for (const [input, message] of cases) {
      const result = await runCli(['compare', good, input]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('    at ');
    }
  }));
