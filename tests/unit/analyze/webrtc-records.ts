/**
 * Hand-built WebRTC records for analyzer tests: one call's getStats sample (rtc) and data channel sample (dc) every
 * second of completeSoakLog's run, with cumulative counters as Chromium reports them: 50 reply packets and 48,000
 * samples a second, and whatever loss, concealment, jitter, jitter buffer delay and bufferedAmount a test asks for.
 */
import type { LogRecord } from '../../../harness/log/log-schema.ts';
import { RUN_MS } from './complete-soak-log.ts';

export interface CallShape {
  lossShare?: number;
  concealedShare?: number;
  jitterMs?: (tMs: number) => number;
  jitterBufferMs?: (tMs: number) => number;
  dcBufferedBytes?: (tMs: number) => number;
  /** Utterances the caller speaks (mic records), [start, end] ms. */
  utterancesMs?: [number, number][];
}

export function webrtcCallRecords(shape: CallShape = {}): LogRecord[] {
  const records: LogRecord[] = [];
  let received = 0;
  let lost = 0;
  let samples = 0;
  let concealed = 0;
  let delayMs = 0;
  let messages = 0;
  for (const [tMs, endMs] of shape.utterancesMs ?? []) records.push({ type: 'mic', tMs, endMs, utterance: 'u01', precise: true });
  for (let tMs = 1_000; tMs <= RUN_MS; tMs += 1_000) {
    const lostNow = Math.round(50 * (shape.lossShare ?? 0));
    lost += lostNow;
    received += 50 - lostNow;
    samples += 48_000;
    messages += 10;
    concealed += Math.round(48_000 * (shape.concealedShare ?? 0.002));
    delayMs += 48_000 * (shape.jitterBufferMs?.(tMs) ?? 60);
    records.push({
      type: 'rtc',
      tMs,
      peerId: 'pc-1',
      connectionState: 'connected',
      inbound: {
        packetsReceived: received,
        packetsLost: lost,
        jitterMs: shape.jitterMs?.(tMs) ?? 2 + (tMs % 3_000 === 0 ? 1 : 0),
        jitterBufferDelayMs: delayMs,
        jitterBufferEmittedCount: samples,
        concealedSamples: concealed + 480,
        silentConcealedSamples: 480,
        concealmentEvents: Math.floor(concealed / 960),
        totalSamplesReceived: samples,
      },
      candidatePair: { state: 'succeeded', localAddress: '127.0.0.1', remoteAddress: '127.0.0.1', bytesSent: tMs, bytesReceived: tMs },
    });
    records.push({
      type: 'dc',
      tMs,
      channelId: 'dc-1',
      label: 'oai-events',
      peerId: 'pc-1',
      readyState: 1,
      bufferedAmountBytes: shape.dcBufferedBytes?.(tMs) ?? 0,
      messagesSent: 1,
      messagesReceived: messages,
      bytesSent: 400,
      bytesReceived: tMs * 3,
    });
  }
  return records;
}
