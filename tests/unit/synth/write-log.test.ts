import { test, expect } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer, type Analyzer } from '../../../harness/analyze/analyze.ts';
import { readLog } from '../../../harness/log/log-reader.ts';
import { parseFaultArg } from '../../../harness/synth/synth-faults.ts';
import { main, parseDurationMs } from '../../../harness/synth/write-log.ts';

test('synth CLI writes a readable log whose fault the analyzer finds', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'voice-soak-synth-')), 'leak.jsonl');
  expect(main([out, '--duration', '7m', '--seed', '3', '--fault', 'heap-leak=3'])).toBe(0);
  let analyzer: Analyzer | null = null;
  const { warnings } = await readLog(
    out,
    (h) => (analyzer = createAnalyzer(h)),
    (r) => analyzer!.add(r),
  );
  const report = analyzer!.finish(warnings);
  expect(report.faults).toEqual(['heap-leak=3']);
  expect(report.issues.filter((i) => i.level === 'error').map((i) => i.id)).toEqual(['heap-growth']);
  // A synthetic fault is simulated data, not injected into a side: nothing records it as applied, so it only warns.
  expect(report.issues.filter((i) => i.level === 'warn').map((i) => i.id)).toEqual(['faults-applied']);
});

test('synth CLI arguments: durations, faults, and one-line errors', () => {
  expect([parseDurationMs('420000'), parseDurationMs('90s'), parseDurationMs('7m'), parseDurationMs('8h')]).toEqual([420_000, 90_000, 420_000, 28_800_000]);
  expect(() => parseDurationMs('soon')).toThrow('--duration: expected a duration like 420000, 90s, 7m or 8h, got "soon"');
  expect(parseFaultArg('ws-backpressure=8192')).toEqual({ wsBackpressureBytesPerMin: 8192 });
  expect(() => parseFaultArg('leak=1')).toThrow(/^unknown fault "leak" \(expected one of: heap-leak, latency-growth, /);
  expect(() => parseFaultArg('heap-leak=-1')).toThrow('fault heap-leak: expected a number >= 0 in MB/min, got "-1"');
  expect(() => parseFaultArg('heap-leak')).toThrow('fault heap-leak: give a severity in MB/min, e.g. --fault heap-leak=1.5');
});
