/**
 * WebRTC records of the log (schema version 2): the state of each RTCDataChannel the page opened (`dc`, like a `ws`
 * sample), and each RTCPeerConnection's getStats() every sample interval (`rtc`). Counters are cumulative, as
 * getStats reports them (the analyzer takes differences); a section a browser did not report is left out.
 */
import { z } from 'zod';

const tMs = z.number().finite().nonnegative();
const count = z.number().int().nonnegative();
const bytes = z.number().finite().nonnegative();
const ms = z.number().finite().nonnegative();
const shortText = z.string().max(4096);

/** One RTCDataChannel at one instant (the in-page monitor's wrapper: readyState, bufferedAmount, its own counts). */
export const dataChannelSampleSchema = z.object({
  type: z.literal('dc'),
  tMs,
  channelId: shortText,
  label: shortText,
  /** The monitor's id of the RTCPeerConnection the channel belongs to. */
  peerId: shortText,
  /** 0 connecting, 1 open, 2 closing, 3 closed (as a WebSocket's). */
  readyState: z.number().int().min(0).max(3),
  bufferedAmountBytes: bytes,
  messagesSent: count,
  messagesReceived: count,
  bytesSent: bytes,
  bytesReceived: bytes,
});

/** The remote audio track as received (getStats inbound-rtp, kind audio). */
export const inboundAudioStatsSchema = z.object({
  packetsReceived: count,
  /** Can go below zero in getStats (duplicates); kept as reported. */
  packetsLost: z.number().int(),
  jitterMs: ms,
  /** Cumulative jitterBufferDelay and its emitted-sample count: their quotients are the delay per emitted sample. */
  jitterBufferDelayMs: ms,
  jitterBufferTargetDelayMs: ms.optional(),
  jitterBufferEmittedCount: count,
  concealedSamples: count,
  silentConcealedSamples: count,
  concealmentEvents: count,
  totalSamplesReceived: count,
  audioLevel: z.number().finite().min(0).max(1).optional(),
});

/** The microphone track as sent (outbound-rtp, kind audio), and what the far end reported about it (remote-inbound-rtp). */
export const outboundAudioStatsSchema = z.object({
  packetsSent: count,
  bytesSent: bytes,
  remotePacketsLost: z.number().int().optional(),
  remoteJitterMs: ms.optional(),
  roundTripTimeMs: ms.optional(),
});

/** The transport's selected candidate pair. */
export const candidatePairStatsSchema = z.object({
  state: shortText,
  currentRoundTripTimeMs: ms.optional(),
  localAddress: shortText.optional(),
  remoteAddress: shortText.optional(),
  bytesSent: bytes,
  bytesReceived: bytes,
});

/** Every ICE candidate's address the peer knows (local-candidate and remote-candidate stats), each once. */
export const candidateAddressesSchema = z.object({
  local: z.array(shortText).max(16),
  remote: z.array(shortText).max(16),
});

/** The peer's data channels together (data-channel stats). */
export const dataChannelStatsSchema = z.object({
  channels: count,
  messagesSent: count,
  messagesReceived: count,
  bytesSent: bytes,
  bytesReceived: bytes,
});

export const rtcStatsSampleSchema = z.object({
  type: z.literal('rtc'),
  tMs,
  peerId: shortText,
  connectionState: shortText,
  inbound: inboundAudioStatsSchema.optional(),
  outbound: outboundAudioStatsSchema.optional(),
  candidatePair: candidatePairStatsSchema.optional(),
  /** Optional: logs written before it was recorded lack it. */
  candidates: candidateAddressesSchema.optional(),
  dataChannels: dataChannelStatsSchema.optional(),
});

export type DataChannelSample = z.infer<typeof dataChannelSampleSchema>;
export type RtcStatsSample = z.infer<typeof rtcStatsSampleSchema>;
export type InboundAudioStats = z.infer<typeof inboundAudioStatsSchema>;
