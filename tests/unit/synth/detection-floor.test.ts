/**
 * The analyzer on generated 7-minute logs: every fault pattern at its documented detection floor is flagged with
 * its issue id, and 50 clean logs (different seeds) raise no issue at all.
 */
import { test, expect } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { generateLog, type GenerateLogOptions } from '../../../harness/synth/generate-log.ts';
import { FAULT_SPECS } from '../../../harness/synth/synth-faults.ts';

const SEVEN_MIN_MS = 7 * 60_000;

function generate(options: GenerateLogOptions): { header: LogHeader; records: LogRecord[] } {
  const [header, ...records] = [...generateLog(options)];
  return { header: header as LogHeader, records: records as LogRecord[] };
}

for (const spec of FAULT_SPECS) {
  test(`${spec.name} at its detection floor (${spec.detectionFloor} ${spec.unit}) is flagged as ${spec.issueId}`, () => {
    for (const seed of [11, 12, 13]) {
      const report = analyze(generate({ durationMs: SEVEN_MIN_MS, seed, faults: { [spec.field]: spec.detectionFloor } }));
      const issue = report.issues.find((i) => i.id === spec.issueId);
      expect(issue, `seed ${seed}: ${report.assertions.find((a) => a.id === spec.issueId)?.message}`).toBeTruthy();
      expect(issue!.message.startsWith(`${spec.issueId}: `)).toBe(true);
      expect(issue!.recommendation.length).toBeGreaterThan(20);
      expect(report.verdict).not.toBe('pass');
    }
  });
}

test('50 clean 7-minute logs: no issue, verdict pass', () => {
  const flagged: string[] = [];
  for (let seed = 1000; seed < 1050; seed++) {
    const report = analyze(generate({ durationMs: SEVEN_MIN_MS, seed }));
    for (const issue of report.issues) flagged.push(`seed ${seed}: ${issue.message}`);
    if (report.verdict !== 'pass') flagged.push(`seed ${seed}: verdict ${report.verdict}`);
  }
  expect(flagged).toEqual([]);
});

test('a heap leak is found without afterGc samples too (window minima of the sawtooth)', () => {
  const clean = analyze(generate({ durationMs: SEVEN_MIN_MS, seed: 5, afterGcSamples: false }));
  expect(clean.issues.map((i) => i.id)).not.toContain('heap-growth');
  const leaky = analyze(generate({ durationMs: SEVEN_MIN_MS, seed: 5, afterGcSamples: false, faults: { heapLeakMbPerMin: 3 } }));
  const issue = leaky.issues.find((i) => i.id === 'heap-growth')!;
  expect(issue.message).toMatch(/^heap-growth: [\d.]+ MB\/min > 1\.0 MB\/min \(Theil-Sen slope of post-GC heap \(window minima\), minutes 1-[67]\)$/);
  expect(leaky.metrics.heapSlopeMbPerMin!).toBeGreaterThan(2.4);
  expect(leaky.metrics.heapSlopeMbPerMin!).toBeLessThan(3.6);
});

test('generation is deterministic per seed and differs across seeds', () => {
  const a = JSON.stringify([...generateLog({ durationMs: 60_000, seed: 7 })]);
  expect(JSON.stringify([...generateLog({ durationMs: 60_000, seed: 7 })])).toBe(a);
  expect(JSON.stringify([...generateLog({ durationMs: 60_000, seed: 8 })])).not.toBe(a);
});
