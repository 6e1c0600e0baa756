/**
 * The WebRTC audits on hand-built calls (webrtc-records.ts): a clean call passes all five; loss fails packet-loss,
 * concealment audio-concealment, jitter jitter-growth, a growing jitter buffer jitter-buffer-growth, a data channel
 * that keeps its bytes datachannel-backpressure; a WebRTC run without its data fails no-data-webrtc and
 * no-data-datachannel; a WebSocket run gets none of these assertions.
 */
import { expect, test } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { Report } from '../../../harness/analyze/report/report-schema.ts';
import { completeSoakLog } from './complete-soak-log.ts';
import { webrtcCallRecords, type CallShape } from './webrtc-records.ts';

const WEBRTC_IDS = ['datachannel-backpressure', 'jitter-growth', 'packet-loss', 'audio-concealment', 'jitter-buffer-growth'];

const call = (shape: CallShape = {}): Report =>
  analyze(completeSoakLog({ meta: { transport: 'webrtc', monitor: 'injected' }, without: ['ws'], extra: webrtcCallRecords(shape) }));
const assertion = (report: Report, id: string) => report.assertions.find((a) => a.id === id);
const failedErrors = (report: Report) => report.assertions.filter((a) => !a.passed && a.level === 'error').map((a) => a.id);

test('a clean call passes all five WebRTC audits, and ws-backpressure is not judged (no WebSocket, a data channel instead)', () => {
  const report = call();
  for (const id of WEBRTC_IDS) expect(assertion(report, id), id).toMatchObject({ passed: true });
  expect(assertion(report, 'ws-backpressure')).toBeUndefined();
  expect(failedErrors(report)).toEqual([]);
  expect(assertion(report, 'packet-loss')?.message).toBe('packet-loss: 0.0 % <= 1.0 % (0 of 6750 reply audio packets lost after warm-up, getStats)');
});

test('each call fault fails its own audit', () => {
  const lossy = call({ lossShare: 0.1 });
  expect(failedErrors(lossy)).toEqual(['packet-loss']);
  expect(assertion(lossy, 'packet-loss')?.message).toMatch(/^packet-loss: 10\.0 % > 1\.0 % \(675 of 6750 reply audio packets lost after warm-up/);
  expect(failedErrors(call({ concealedShare: 0.08 }))).toEqual(['audio-concealment']);
  const jittery = call({ jitterMs: () => 40 });
  expect(failedErrors(jittery)).toEqual(['jitter-growth']);
  expect(assertion(jittery, 'jitter-growth')?.message).toBe('jitter-growth: 40.0 ms > 20.0 ms (median inbound audio jitter at the end of the run, getStats)');
  expect(failedErrors(call({ jitterMs: (t) => 2 + t / 12_000 }))).toEqual(['jitter-growth']); // 5 ms/min
  expect(failedErrors(call({ jitterBufferMs: (t) => 60 + t / 1_000 }))).toEqual(['jitter-buffer-growth']); // 60 ms/min
  expect(failedErrors(call({ dcBufferedBytes: (t) => t * 2 }))).toEqual(['datachannel-backpressure']);
});

test('datachannel-stall: an utterance the server answers only after 5 s fails, answered utterances pass', async () => {
  // completeSoakLog's server answers (speech_stopped, response.created) at 10, 30, 50, ... 170 s.
  const answered: [number, number][] = [
    [8_000, 9_500],
    [48_000, 49_500],
    [88_000, 89_500],
  ];
  const clean = call({ utterancesMs: answered });
  expect(assertion(clean, 'datachannel-stall')).toMatchObject({ passed: true, actual: 500, expected: 5_000 });
  expect(assertion(clean, 'datachannel-stall')?.message).toBe(
    "datachannel-stall: longest wait 0.5 s <= 5.0 s for the server's answer on the data channel after the caller spoke (3 utterances)",
  );
  const stalled = call({ utterancesMs: [...answered, [59_000, 60_500]] });
  expect(failedErrors(stalled)).toContain('datachannel-stall');
  expect(assertion(stalled, 'datachannel-stall')).toMatchObject({ passed: false, level: 'error', actual: 9_500 });
  expect(assertion(stalled, 'datachannel-stall')?.message).toBe(
    "datachannel-stall: 9.5 s > 5.0 s: after the caller's utterance ending at 60.5 s no answer came on the data channel for 9.5 s (1 of 4 utterances waited longer)",
  );
  // No answer before the run ends: the wait runs to the end.
  const dead = call({ utterancesMs: [...answered, [170_000, 171_500]] });
  expect(assertion(dead, 'datachannel-stall')?.message).toMatch(
    /^datachannel-stall: 9\.0 s > 5\.0 s: .* ending at 172 s no answer came on the data channel in the 9\.0 s left of the run/,
  );
  // Without utterances timed at the mic there is nothing to judge; a WebSocket run is not judged.
  expect(assertion(call(), 'datachannel-stall')).toBeUndefined();
  expect(assertion(analyze(completeSoakLog()), 'datachannel-stall')).toBeUndefined();
});

test('a WebRTC run without its WebRTC data fails (no-data-webrtc, no-data-datachannel); a WebSocket run gets no WebRTC assertion', () => {
  const bare = analyze(completeSoakLog({ meta: { transport: 'webrtc', monitor: 'injected' } }));
  expect(assertion(bare, 'no-data-webrtc')).toMatchObject({ passed: false, level: 'error' });
  expect(assertion(bare, 'no-data-webrtc')?.message).toMatch(/^no-data-webrtc: no getStats samples \(rtc records\) on a WebRTC run/);
  expect(assertion(bare, 'no-data-datachannel')).toMatchObject({ passed: false, level: 'error' });
  const websocket = analyze(completeSoakLog());
  for (const id of [...WEBRTC_IDS, 'no-data-webrtc', 'no-data-datachannel']) expect(assertion(websocket, id), id).toBeUndefined();
});
