/**
 * What the analyzer collects from a WebRTC run: per-interval values derived from the cumulative getStats counters
 * of each peer connection (`rtc` records), the data channels' bufferedAmount (`dc` records), and whether the run was
 * a WebRTC run at all (the header says so, a peer connection was live, or a data channel was sampled), so that
 * missing WebRTC data on such a run is a finding rather than a pass.
 */
import type { RtEvent } from '../../log/log-schema.ts';
import type { DataChannelSample, InboundAudioStats, RtcStatsSample } from '../../log/webrtc-schema.ts';
import { emptySeries, type TimeSeries } from './collected-data.ts';

/** Cumulative inbound counters at one sample, per peer (the previous sample of each peer is kept for differences). */
interface InboundPoint {
  tMs: number;
  stats: InboundAudioStats;
}

export interface InboundTotals {
  packetsReceived: number;
  packetsLost: number;
  /** Audible concealment: concealed samples that were not silence. */
  audibleConcealedSamples: number;
  totalSamplesReceived: number;
  concealmentEvents: number;
}

export interface WebRtcData {
  /** Peer connections the monitor counted live at some sample (cdp live counts). */
  peerConnectionsSeen: number;
  rtcSamples: number;
  inboundSamples: number;
  dcSamples: number;
  /** Inbound jitter, ms, as getStats reports it (per peer, interleaved by time). */
  jitterMs: TimeSeries;
  /** Jitter buffer delay per sample emitted in each interval, ms. */
  jitterBufferMs: TimeSeries;
  /** Packets lost / expected in each interval (0..1). */
  lossShare: TimeSeries;
  /** Audible concealed samples / samples received in each interval (0..1). */
  concealedShare: TimeSeries;
  /** Sum over intervals that started at or after `fromMs`, kept per interval so any warm-up can be applied later. */
  intervals: { tMs: number; delta: InboundTotals }[];
  /** Largest bufferedAmount over the data channels at each sample, bytes. */
  dcBufferedBytes: TimeSeries;
  /** Times the server answered the caller (speech_stopped, committed, response.created decoded), in order. */
  answerMs: number[];
  /** The first sample of an open data channel, and the last data channel sample, or null. */
  dcOpenMs: number | null;
  dcLastMs: number | null;
  /** Addresses of the selected candidate pairs and of every ICE candidate seen (both ends). */
  addresses: Set<string>;
  lastInbound: Map<string, InboundPoint>;
}

export function emptyWebRtcData(): WebRtcData {
  return {
    peerConnectionsSeen: 0,
    rtcSamples: 0,
    inboundSamples: 0,
    dcSamples: 0,
    jitterMs: emptySeries(),
    jitterBufferMs: emptySeries(),
    lossShare: emptySeries(),
    concealedShare: emptySeries(),
    intervals: [],
    dcBufferedBytes: emptySeries(),
    answerMs: [],
    dcOpenMs: null,
    dcLastMs: null,
    addresses: new Set(),
    lastInbound: new Map(),
  };
}

const push = (series: TimeSeries, tMs: number, value: number): void => {
  series.tMs.push(tMs);
  series.values.push(value);
};

export function collectRtcSample(webrtc: WebRtcData, record: RtcStatsSample): void {
  webrtc.rtcSamples++;
  const pair = record.candidatePair;
  if (pair?.localAddress) webrtc.addresses.add(pair.localAddress);
  if (pair?.remoteAddress) webrtc.addresses.add(pair.remoteAddress);
  for (const address of [...(record.candidates?.local ?? []), ...(record.candidates?.remote ?? [])]) webrtc.addresses.add(address);
  const inbound = record.inbound;
  if (!inbound) return;
  webrtc.inboundSamples++;
  push(webrtc.jitterMs, record.tMs, inbound.jitterMs);
  const previous = webrtc.lastInbound.get(record.peerId);
  webrtc.lastInbound.set(record.peerId, { tMs: record.tMs, stats: inbound });
  if (!previous) return;
  const p = previous.stats;
  const delta: InboundTotals = {
    packetsReceived: Math.max(0, inbound.packetsReceived - p.packetsReceived),
    packetsLost: Math.max(0, inbound.packetsLost - p.packetsLost),
    audibleConcealedSamples: Math.max(0, inbound.concealedSamples - inbound.silentConcealedSamples - (p.concealedSamples - p.silentConcealedSamples)),
    totalSamplesReceived: Math.max(0, inbound.totalSamplesReceived - p.totalSamplesReceived),
    concealmentEvents: Math.max(0, inbound.concealmentEvents - p.concealmentEvents),
  };
  webrtc.intervals.push({ tMs: record.tMs, delta });
  const expected = delta.packetsReceived + delta.packetsLost;
  if (expected > 0) push(webrtc.lossShare, record.tMs, delta.packetsLost / expected);
  if (delta.totalSamplesReceived > 0) push(webrtc.concealedShare, record.tMs, delta.audibleConcealedSamples / delta.totalSamplesReceived);
  const emitted = inbound.jitterBufferEmittedCount - p.jitterBufferEmittedCount;
  if (emitted > 0) push(webrtc.jitterBufferMs, record.tMs, Math.max(0, inbound.jitterBufferDelayMs - p.jitterBufferDelayMs) / emitted);
}

export function collectDataChannelSample(webrtc: WebRtcData, record: DataChannelSample): void {
  webrtc.dcSamples++;
  const series = webrtc.dcBufferedBytes;
  const last = series.tMs.length - 1;
  // Channels sampled in one tick share its tMs: keep the largest.
  if (last >= 0 && series.tMs[last] === record.tMs) series.values[last] = Math.max(series.values[last]!, record.bufferedAmountBytes);
  else push(series, record.tMs, record.bufferedAmountBytes);
  if (record.readyState === 1) webrtc.dcOpenMs ??= record.tMs;
  webrtc.dcLastMs = Math.max(webrtc.dcLastMs ?? 0, record.tMs);
}

const ANSWER_KINDS: ReadonlySet<RtEvent['kind']> = new Set(['speech-stopped', 'committed', 'response-created']);

/** An rt record that answers the caller's speech: what datachannel-stall waits for after each utterance. */
export function noteRealtimeAnswer(webrtc: WebRtcData, event: RtEvent): void {
  if (ANSWER_KINDS.has(event.kind)) webrtc.answerMs.push(event.tMs);
}

/** Inbound totals over the intervals that ended at or after fromMs. */
export function inboundTotalsFrom(webrtc: WebRtcData, fromMs: number): InboundTotals {
  const sum: InboundTotals = { packetsReceived: 0, packetsLost: 0, audibleConcealedSamples: 0, totalSamplesReceived: 0, concealmentEvents: 0 };
  for (const { tMs, delta } of webrtc.intervals) {
    if (tMs < fromMs) continue;
    sum.packetsReceived += delta.packetsReceived;
    sum.packetsLost += delta.packetsLost;
    sum.audibleConcealedSamples += delta.audibleConcealedSamples;
    sum.totalSamplesReceived += delta.totalSamplesReceived;
    sum.concealmentEvents += delta.concealmentEvents;
  }
  return sum;
}
