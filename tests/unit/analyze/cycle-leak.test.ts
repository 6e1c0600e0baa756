/** The cycle-leak rule and detector: steady growth per conversation cycle fails, noise and one-off jumps do not. */
import { expect, test } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import { judgeCycleLeak } from '../../../harness/analyze/judge/cycle-leak-rule.ts';
import type { CycleRecord, LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { renderText } from '../../../harness/render/render-text.ts';
import { generateLog, type GenerateLogOptions } from '../../../harness/synth/generate-log.ts';

function generate(options: GenerateLogOptions): { header: LogHeader; records: LogRecord[] } {
  const [header, ...records] = [...generateLog(options)];
  return { header: header as LogHeader, records: records as LogRecord[] };
}
const cycleLeak = (report: ReturnType<typeof analyze>) => report.assertions.find((a) => a.id === 'cycle-leak');

test('the rule: a steady rise per cycle leaks; flat, noisy, one jump, or too few cycles do not', () => {
  expect(judgeCycleLeak([1, 2, 3, 4], 1)).toMatchObject({ leaking: true, perCycle: 1, risingSteps: 3, steps: 3 });
  expect(judgeCycleLeak([0, 0, 0, 0], 1)).toMatchObject({ leaking: false, perCycle: 0 });
  expect(judgeCycleLeak([0, 0, 5, 5], 1)).toMatchObject({ leaking: false, risingSteps: 1 }); // one jump, then steady
  expect(judgeCycleLeak([29, 26, 29, 29], 10).leaking).toBe(false); // listeners that wobble
  expect(judgeCycleLeak([30, 45, 60, 75, 90], 10)).toMatchObject({ leaking: true, perCycle: 15 });
  expect(judgeCycleLeak([30, 38, 46, 54], 10).leaking).toBe(false); // under the tolerance
  expect(judgeCycleLeak([1, 2], 1)).toMatchObject({ leaking: false, perCycle: null });
  expect(judgeCycleLeak([1, 2, 2, 3, 4, 5], 0.5)).toMatchObject({ leaking: true, perCycle: 0.8 }); // one flat step of five: still steady
  expect(judgeCycleLeak([0, 1, 1, 2], 0.5).leaking).toBe(true); // one left open every other cycle
});

test('one AudioContext left open per cycle fails cycle-leak (error) and says which resource and how fast', () => {
  const report = analyze(generate({ durationMs: 5 * 60_000, seed: 2, cycles: 4, faults: { leakedContextsPerCycle: 1 } }));
  const check = cycleLeak(report)!;
  expect(check).toMatchObject({ passed: false, level: 'error' });
  expect(check.message).toMatch(/^cycle-leak: AudioContexts \+1\.0 per cycle \(1 -> 4, rose in 3 of 3 steps; tolerance 0\.5\) \(4 cycles/);
  expect(report.verdict).toBe('fail');
  expect(report.metrics.liveAfterLastCycle).toEqual({ audioContexts: 4, mediaStreamTracks: 0, peerConnections: 0, webSockets: 0 });
  expect(renderText(report)).toContain('- Live Objects After Last Hang-up (4 cycles): AudioContexts 4, MediaStreamTracks 0');
});

test('clean cycles pass; a run that did not cycle has no cycle-leak assertion; a cycling run with too few records warns', () => {
  for (const seed of [1, 2, 3])
    expect(cycleLeak(analyze(generate({ durationMs: 5 * 60_000, seed, cycles: 4 })))).toMatchObject({ passed: true, level: 'error' });
  expect(cycleLeak(analyze(generate({ durationMs: 60_000, seed: 1 })))).toBeUndefined();
  const log = generate({ durationMs: 5 * 60_000, seed: 1, cycles: 4 });
  const two = log.records.filter((r) => r.type !== 'cycle' || (r as CycleRecord).cycle <= 2);
  expect(cycleLeak(analyze({ header: log.header, records: two }))).toMatchObject({
    passed: false,
    level: 'warn',
    message: 'cycle-leak: 2 conversation cycle(s) recorded (of 4 planned), at least 3 are needed to judge',
  });
});
