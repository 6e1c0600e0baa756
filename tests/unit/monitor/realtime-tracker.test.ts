import { expect, test } from '@playwright/test';
import { rtEventSchema, type RtEvent } from '../../../harness/log/log-schema.ts';
import { decodeRealtimeFrame } from '../../../harness/monitor/frame-decoder.ts';
import { RealtimeTracker } from '../../../harness/monitor/realtime-tracker.ts';

function feed(tracker: RealtimeTracker, tMs: number, event: object, sent = false) {
  tracker.handle(decodeRealtimeFrame(JSON.stringify(event))!, tMs, 'ws-1', sent);
}
const delta = (id: string) => ({ type: 'response.output_audio.delta', response_id: id, delta: 'AAAA' });

test('one turn: valid rt records, TTFR from speech stopped, gaps between deltas', () => {
  const records: RtEvent[] = [];
  const tracker = new RealtimeTracker((r) => records.push(r));
  feed(tracker, 1000, { type: 'input_audio_buffer.speech_stopped', item_id: 'i1' });
  feed(tracker, 1100, { type: 'input_audio_buffer.committed', item_id: 'i1' });
  feed(tracker, 1200, { type: 'response.create' }, true);
  feed(tracker, 1300, { type: 'response.created', response: { id: 'r1' } });
  feed(tracker, 1750, delta('r1'));
  feed(tracker, 1800, delta('r1'));
  feed(tracker, 1900, { type: 'response.done', response: { id: 'r1', status: 'completed' } });
  for (const record of records) rtEventSchema.parse(record);
  expect(records.map((r) => r.kind)).toEqual([
    'speech-stopped',
    'committed',
    'response-requested',
    'response-created',
    'first-audio',
    'audio-delta',
    'audio-delta',
    'response-done',
  ]);
  expect(tracker.ttfr.toArray()).toEqual([{ tMs: 1750, ttfrMs: 750 }]);
  expect(records.filter((r) => r.kind === 'audio-delta').map((r) => ('gapMs' in r ? r.gapMs : undefined))).toEqual([undefined, 50]);
  expect(tracker.dialect).toBe('ga');
  expect(tracker.takeOverdue(60_000, 10_000)).toEqual([]);
});

test('a response that never sends audio becomes overdue once, counted from its request', () => {
  const tracker = new RealtimeTracker(() => {});
  feed(tracker, 0, { type: 'response.create' }, true);
  feed(tracker, 500, { type: 'response.created', response: { id: 'r2' } });
  expect(tracker.nextDeadlineMs(1000)).toBe(1000);
  expect(tracker.takeOverdue(900, 1000)).toEqual([]);
  expect(tracker.takeOverdue(1200, 1000)).toEqual([{ responseId: 'r2', openForMs: 1200, idleForMs: 1200 }]);
  expect(tracker.takeOverdue(5000, 1000)).toEqual([]);
});

test('a long reply that keeps streaming never times out; one that stalls mid-way does', () => {
  const tracker = new RealtimeTracker(() => {});
  const delta = (tMs: number, id: string) => feed(tracker, tMs, { type: 'response.output_audio.delta', response_id: id, delta: 'AAAA' });
  feed(tracker, 0, { type: 'response.created', response: { id: 'long' } });
  for (let tMs = 300; tMs <= 15_000; tMs += 100) delta(tMs, 'long');
  expect(tracker.takeOverdue(15_500, 10_000)).toEqual([]);
  feed(tracker, 15_600, { type: 'response.done', response: { id: 'long', status: 'completed' } });
  feed(tracker, 20_000, { type: 'response.created', response: { id: 'stalled' } });
  delta(20_300, 'stalled');
  delta(21_000, 'stalled');
  expect(tracker.nextDeadlineMs(10_000)).toBe(31_000);
  expect(tracker.takeOverdue(30_900, 10_000)).toEqual([]);
  expect(tracker.takeOverdue(31_100, 10_000)).toEqual([{ responseId: 'stalled', openForMs: 11_100, idleForMs: 10_100 }]);
});

test('late deltas after response.done do not reopen the response', () => {
  const tracker = new RealtimeTracker(() => {});
  feed(tracker, 0, { type: 'response.created', response: { id: 'r3' } });
  feed(tracker, 10, { type: 'response.done', response: { id: 'r3', status: 'cancelled' } });
  feed(tracker, 20, delta('r3'));
  expect(tracker.openResponseCount()).toBe(0);
});
