/**
 * The audio-edge audits on generated 7-minute logs (harness/synth: mic records and output-tap frames per turn):
 * a slow playback start is seen in mouth-to-ear only, a run without Realtime events is judged on its edges, and a
 * silent or unmeasured output is never a pass.
 */
import { expect, test } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { generateLog, type GenerateLogOptions } from '../../../harness/synth/generate-log.ts';

const SEVEN_MIN_MS = 7 * 60_000;

function generate(options: GenerateLogOptions): { header: LogHeader; records: LogRecord[] } {
  const [header, ...records] = [...generateLog(options)];
  return { header: header as LogHeader, records: records as LogRecord[] };
}
const assertion = (report: ReturnType<typeof analyze>, id: string) => report.assertions.find((a) => a.id === id);

test('a clean log hears every turn: mouth-to-ear beside TTFR, no gaps, and the report says which measures it had', () => {
  const report = analyze(generate({ durationMs: SEVEN_MIN_MS, seed: 11 }));
  for (const id of ['mouth-to-ear', 'mouth-to-ear-growth', 'playback-gaps', 'no-audio-output'])
    expect(assertion(report, id), id).toMatchObject({ passed: true });
  expect(report.metrics.turnsHeard).toBe(report.metrics.turnsSpoken);
  // The synthetic caller stops 500 ms before speech_stopped and hears the reply 60 ms after the first delta.
  for (const turn of report.edges!.turns) expect(turn.mouthToEarMs! - turn.ttfrMs!).toBeCloseTo(560, 0);
  expect(report.edges!.measures.map((m) => [m.name, m.available])).toEqual([
    ['audio edges', true],
    ['protocol TTFR', true],
    ['memory (CDP)', true],
    ['sockets', true],
  ]);
  expect(report.edges!.slowest!.events.map((e) => e.label)).toEqual(
    expect.arrayContaining(['caller stops', 'speech_stopped', 'first audio delta', 'reply heard']),
  );
});

test('slow-playback-start (the app holds each reply 3 s) fails mouth-to-ear, while the protocol TTFR passes', () => {
  const report = analyze(generate({ durationMs: SEVEN_MIN_MS, seed: 12, faults: { playbackStartDelayMs: 3000 } }));
  expect(assertion(report, 'mouth-to-ear')).toMatchObject({ passed: false, level: 'error' });
  expect(assertion(report, 'mouth-to-ear')!.message).toMatch(
    /^mouth-to-ear: p95 \d+ ms > 3500 ms \(p50 \d+, p99 \d+; \d+ of \d+ turns heard; median 3560 ms beyond the protocol TTFR\)$/,
  );
  expect(assertion(report, 'slow-first-response')).toMatchObject({ passed: true });
});

test('no Realtime event decoded: judged on the audio edges, memory and counters; no-data-turns stands aside', () => {
  const log = generate({ durationMs: SEVEN_MIN_MS, seed: 13 });
  const report = analyze({ ...log, records: log.records.filter((r) => r.type !== 'rt') });
  expect(report.edges!.protocol).toBe('none');
  expect(report.edges!.protocolReason).toBe('no Realtime events decoded');
  expect(report.assertions.map((a) => a.id)).not.toContain('no-data-turns');
  expect(assertion(report, 'mouth-to-ear')).toMatchObject({ passed: true });
  expect(assertion(report, 'heap-growth')).toMatchObject({ passed: true });
  expect(report.verdict).toBe('pass');
});

test('an output that stayed silent fails no-audio-output (error); one never measured warns, and errs when the run relies on it', () => {
  const log = generate({ durationMs: 180_000, seed: 14 });
  const silent = log.records.map((r) => (r.type === 'monitor' && r.kind === 'audio-out' ? { ...r, levelsDb: r.levelsDb.map(() => -100) } : r));
  const quiet = analyze({ ...log, records: silent });
  expect(assertion(quiet, 'no-audio-output')).toMatchObject({ passed: false, level: 'error' });
  expect(assertion(quiet, 'no-audio-output')!.message).toMatch(
    /^no-audio-output: \d+ utterances spoken and nothing audible in [\d.]+ s of output measured \(webaudio:ctx-1\)$/,
  );
  const untapped = log.records.filter((r) => !(r.type === 'monitor' && r.kind === 'audio-out'));
  expect(assertion(analyze({ ...log, records: untapped }), 'no-audio-output')).toMatchObject({ passed: false, level: 'warn' });
  const noneHeader = { ...log.header, meta: { ...log.header.meta, protocol: 'none' } };
  expect(assertion(analyze({ header: noneHeader, records: untapped }), 'no-audio-output')).toMatchObject({ passed: false, level: 'error' });
});
