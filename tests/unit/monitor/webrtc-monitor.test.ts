/**
 * The monitor's WebRTC pieces without a browser: a getStats() report read into the log's rtc sections, and a call's
 * events on the data channel turned into turn timing (output_audio_buffer.started is the first audio; transcript
 * deltas keep a long reply from looking stalled, since its audio is on the track and no delta event comes).
 */
import { expect, test } from '@playwright/test';
import { rtEventSchema, type RtEvent } from '../../../harness/log/log-schema.ts';
import { rtcStatsSampleSchema } from '../../../harness/log/webrtc-schema.ts';
import { decodeRealtimeFrame } from '../../../harness/monitor/frame-decoder.ts';
import { RealtimeTracker } from '../../../harness/monitor/realtime-tracker.ts';
import { readRtcStats } from '../../../harness/monitor/rtc-stats-reader.ts';

function statsReport(entries: Record<string, unknown>[]) {
  const byId = new Map(entries.map((e) => [String(e.id), e]));
  return {
    forEach: (callback: (s: Record<string, unknown>) => void) =>
      byId.forEach((s) => {
        callback(s);
      }),
    get: (id: string) => byId.get(id),
  };
}

test('readRtcStats: inbound audio, outbound with the far end report, the selected pair with addresses, every candidate address, data channels; seconds become ms', () => {
  const sections = readRtcStats(
    statsReport([
      {
        id: 'IT',
        type: 'inbound-rtp',
        kind: 'audio',
        packetsReceived: 500,
        packetsLost: 3,
        jitter: 0.004,
        jitterBufferDelay: 120.5,
        jitterBufferTargetDelay: 118,
        jitterBufferEmittedCount: 480_000,
        concealedSamples: 960,
        silentConcealedSamples: 480,
        concealmentEvents: 2,
        totalSamplesReceived: 480_000,
        audioLevel: 0.2,
      },
      { id: 'OT', type: 'outbound-rtp', kind: 'audio', packetsSent: 510, bytesSent: 40_000, remoteId: 'RI' },
      { id: 'RI', type: 'remote-inbound-rtp', kind: 'audio', packetsLost: 1, jitter: 0.003, roundTripTime: 0.012 },
      { id: 'T', type: 'transport', selectedCandidatePairId: 'CP' },
      {
        id: 'CP',
        type: 'candidate-pair',
        state: 'succeeded',
        currentRoundTripTime: 0.002,
        localCandidateId: 'L',
        remoteCandidateId: 'R',
        bytesSent: 9,
        bytesReceived: 10,
      },
      { id: 'L', type: 'local-candidate', address: '127.0.0.1' },
      { id: 'R', type: 'remote-candidate', address: '127.0.0.1' },
      { id: 'L2', type: 'local-candidate', address: '::1' },
      { id: 'L3', type: 'local-candidate', ip: '10.0.0.7' },
      { id: 'L4', type: 'local-candidate', address: '127.0.0.1' },
      { id: 'R2', type: 'remote-candidate', address: '' },
      { id: 'D1', type: 'data-channel', messagesSent: 2, messagesReceived: 40, bytesSent: 100, bytesReceived: 9000 },
      { id: 'V', type: 'inbound-rtp', kind: 'video', packetsReceived: 99 },
    ]),
  );
  expect(sections.inbound).toEqual({
    packetsReceived: 500,
    packetsLost: 3,
    jitterMs: 4,
    jitterBufferDelayMs: 120_500,
    jitterBufferTargetDelayMs: 118_000,
    jitterBufferEmittedCount: 480_000,
    concealedSamples: 960,
    silentConcealedSamples: 480,
    concealmentEvents: 2,
    totalSamplesReceived: 480_000,
    audioLevel: 0.2,
  });
  expect(sections.outbound).toEqual({ packetsSent: 510, bytesSent: 40_000, remotePacketsLost: 1, remoteJitterMs: 3, roundTripTimeMs: 12 });
  expect(sections.candidatePair).toEqual({
    state: 'succeeded',
    currentRoundTripTimeMs: 2,
    localAddress: '127.0.0.1',
    remoteAddress: '127.0.0.1',
    bytesSent: 9,
    bytesReceived: 10,
  });
  // Each address once, in report order; an older browser's `ip` counts; a hidden (empty) address is left out.
  expect(sections.candidates).toEqual({ local: ['127.0.0.1', '::1', '10.0.0.7'], remote: ['127.0.0.1'] });
  expect(sections.dataChannels).toEqual({ channels: 1, messagesSent: 2, messagesReceived: 40, bytesSent: 100, bytesReceived: 9000 });
  rtcStatsSampleSchema.parse({ type: 'rtc', tMs: 1, peerId: 'pc-1', connectionState: 'connected', ...sections });
  expect(readRtcStats(statsReport([]))).toEqual({});
});

test('a WebRTC turn: TTFR ends at output_audio_buffer.started; transcript deltas are its progress, so a 15 s reply is not overdue', () => {
  const records: RtEvent[] = [];
  const tracker = new RealtimeTracker((r) => records.push(r));
  const feed = (tMs: number, event: object) => tracker.handle(decodeRealtimeFrame(JSON.stringify(event))!, tMs, 'dc-1', false);
  feed(1000, { type: 'input_audio_buffer.speech_stopped', item_id: 'i1' });
  feed(1100, { type: 'response.created', response: { id: 'r1' } });
  feed(1600, { type: 'output_audio_buffer.started', response_id: 'r1' });
  for (let t = 2000; t <= 16_000; t += 1000) feed(t, { type: 'response.output_audio_transcript.delta', response_id: 'r1', delta: ' word' });
  expect(tracker.takeOverdue(20_000, 10_000)).toEqual([]);
  feed(16_500, { type: 'response.done', response: { id: 'r1', status: 'completed' } });
  for (const record of records) rtEventSchema.parse(record);
  expect(records.map((r) => r.kind)).toEqual(['speech-stopped', 'response-created', 'first-audio', 'response-done']);
  expect(tracker.ttfr.toArray()).toEqual([{ tMs: 1600, ttfrMs: 600 }]);

  // A call whose reply stops mid-way (the stall fault): no transcript delta for 10 s, so it is overdue.
  feed(20_000, { type: 'response.created', response: { id: 'r2' } });
  feed(20_300, { type: 'output_audio_buffer.started', response_id: 'r2' });
  feed(21_000, { type: 'response.output_audio_transcript.delta', response_id: 'r2', delta: 'half' });
  expect(tracker.takeOverdue(31_500, 10_000).map((o) => o.responseId)).toEqual(['r2']);
});
