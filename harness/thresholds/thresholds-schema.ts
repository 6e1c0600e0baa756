/**
 * Thresholds the analyzer judges against: the seed's safeguard limits plus trend budgets, their rules and meaning.
 * Set from .env (SOAK_THRESHOLD_*), a thresholds JSON file, or reporter options; validated once at the edge.
 * Every default comes from the plain literal in default-thresholds.ts (the page reads that one without zod).
 * Pure module.
 */
import { z } from 'zod';
import { PLAIN_DEFAULT_THRESHOLDS as D } from './default-thresholds.ts';

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();

export const thresholdsSchema = z.object({
  /** Seed's audio chunk cleanup: pending playback chunks above this are cleaned up. */
  maxPendingAudioChunks: z.number().int().positive().default(D.maxPendingAudioChunks),
  /** Seed's response timeout: a response without progress for this long is interrupted, ms. */
  responseTimeoutMs: positive.default(D.responseTimeoutMs),
  /** Seed's event processing timeout: a message handler running longer dumps state, ms. */
  eventProcessingTimeoutMs: positive.default(D.eventProcessingTimeoutMs),
  /** Seed's memory usage warning, bytes. */
  maxHeapBytes: positive.default(D.maxHeapBytes),
  /** Trend budget: Theil-Sen slope of the post-GC heap, MB per minute. */
  heapSlopeMbPerMin: nonNegative.default(D.heapSlopeMbPerMin),
  /** Trend budget: Theil-Sen slope of post-GC ArrayBuffer backing stores (typed arrays, AudioBuffers), MB per minute. */
  bufferSlopeMbPerMin: nonNegative.default(D.bufferSlopeMbPerMin),
  /** Trend budget: Theil-Sen slope of the page's renderer RSS at post-GC samples, MB per minute. */
  processMemorySlopeMbPerMin: nonNegative.default(D.processMemorySlopeMbPerMin),
  /** process-memory-growth is an error only when its trend spans at least this long (shorter: a warning at most), ms. */
  processMemoryMinTrendMs: nonNegative.default(D.processMemoryMinTrendMs),
  /** cycle-leak tolerance: event listeners a conversation may add for good (per start/stop cycle). */
  cycleListenerGrowth: nonNegative.default(D.cycleListenerGrowth),
  /** cycle-leak tolerance: DOM nodes a conversation may add for good (per start/stop cycle). */
  cycleDomNodeGrowth: nonNegative.default(D.cycleDomNodeGrowth),
  /** Trend budget: growth of time to first response, ms per minute of conversation. */
  ttfrSlopeMsPerMin: nonNegative.default(D.ttfrSlopeMsPerMin),
  /** Trend budget: growth of message handler time, ms per minute. */
  messageLatencySlopeMsPerMin: nonNegative.default(D.messageLatencySlopeMsPerMin),
  /** Trend budget: DOM nodes added per minute (after warm-up). */
  domNodeSlopePerMin: nonNegative.default(D.domNodeSlopePerMin),
  /** Trend budget: event listeners added per minute (after warm-up). */
  listenerSlopePerMin: nonNegative.default(D.listenerSlopePerMin),
  /** Budget: WebSocket bufferedAmount that counts as backpressure, bytes. */
  maxWsBufferedBytes: nonNegative.default(D.maxWsBufferedBytes),
  /**
   * Budget: messages whose handlers are still running (an async handler's promise not settled yet) when the next
   * message arrives; the log's `queueSize` field. The name is kept for older configs and logs.
   */
  maxEventQueueSize: z.number().int().nonnegative().default(D.maxEventQueueSize),
  /** Budget: p95 time to first response, ms. */
  ttfrP95Ms: positive.default(D.ttfrP95Ms),
  /** A gap in reply audio longer than this counts as an audible gap, ms. */
  audioGapMs: positive.default(D.audioGapMs),
  /** Budget: p95 of mouth-to-ear latency (the caller's end of speech to the first audible reply frame), ms. */
  mouthToEarP95Ms: positive.default(D.mouthToEarP95Ms),
  /** Trend budget: growth of mouth-to-ear latency, ms per minute of conversation. */
  mouthToEarSlopeMsPerMin: nonNegative.default(D.mouthToEarSlopeMsPerMin),
  /** A silence inside a reply at least this long, as the output tap heard it, is a playback gap, ms. */
  playbackGapMs: positive.default(D.playbackGapMs),
  /** Budget: playback gaps per minute of reply audio heard. */
  maxPlaybackGapsPerMin: nonNegative.default(D.maxPlaybackGapsPerMin),
  /** Budget: p95 of how long reply audio stays audible after the caller starts talking over it, ms. */
  bargeInOverlapMs: positive.default(D.bargeInOverlapMs),
  /** WebRTC budget: inbound audio jitter at the end of the run (median of the closing window), ms. */
  maxJitterMs: positive.default(D.maxJitterMs),
  /** WebRTC trend budget: growth of inbound audio jitter, ms per minute. */
  jitterSlopeMsPerMin: nonNegative.default(D.jitterSlopeMsPerMin),
  /** WebRTC budget: share (0..1) of the reply audio's packets lost after warm-up. */
  maxPacketLossShare: nonNegative.default(D.maxPacketLossShare),
  /** WebRTC budget: share (0..1) of received audio samples the jitter buffer concealed audibly (not silence) after warm-up. */
  maxConcealedShare: nonNegative.default(D.maxConcealedShare),
  /** WebRTC trend budget: growth of the jitter buffer's delay per emitted sample, ms per minute. */
  jitterBufferSlopeMsPerMin: nonNegative.default(D.jitterBufferSlopeMsPerMin),
  /** WebRTC budget: data channel bufferedAmount that counts as backpressure, bytes. */
  maxDataChannelBufferedBytes: nonNegative.default(D.maxDataChannelBufferedBytes),
  /** WebRTC budget: wait from the end of a caller's utterance to the next event received on the data channel, ms. */
  maxDataChannelWaitMs: positive.default(D.maxDataChannelWaitMs),
  /** Budget: audible gaps per minute of reply audio. */
  maxAudioGapsPerMin: nonNegative.default(D.maxAudioGapsPerMin),
  /** Budget: errors (server protocol errors, app errors, crashes) in the whole run; client misuse is counted apart. */
  maxErrors: z.number().int().nonnegative().default(D.maxErrors),
  /**
   * Budget: errors the server sent because the client misused the protocol (invalid_request_error, e.g. a cancel with
   * no active response), per turn.
   */
  maxClientProtocolErrorsPerTurn: nonNegative.default(D.maxClientProtocolErrorsPerTurn),
  /** Budget: interruptions that were not barge-ins the script asked for (timeouts, cleanups). */
  maxUnplannedInterruptions: z.number().int().nonnegative().default(D.maxUnplannedInterruptions),
  /** Longest tolerated gap between two CDP samples, ms. */
  maxSampleGapMs: positive.default(D.maxSampleGapMs),
  /** Longest the page may go without answering CDP (a busy or hung main thread) before it is page-unresponsive, ms. */
  maxUnresponsiveMs: positive.default(D.maxUnresponsiveMs),
  /** Start of the run excluded from trend fits, ms. */
  warmupMs: nonNegative.default(D.warmupMs),
  /** Confidence level of trend intervals (and significance in compare). */
  confidence: z.number().gt(0.5).lt(1).default(D.confidence),
  /**
   * Widen the trend test's variance for autocorrelated samples (harness/analyze/stats/autocorrelated-mann-kendall.ts).
   * Off by default: on real clean runs the plain test with the slope budget raised no false alarm, and the
   * correction cost detections in short runs (bench/results.md, the detection matrix).
   */
  trendAutocorrelation: z.boolean().default(D.trendAutocorrelation),
  /** Adaptive mode: derive latency budgets from a measured baseline (the seed's "Adaptive Thresholds"). */
  adaptive: z
    .object({
      enabled: z.boolean().default(D.adaptive.enabled),
      /** Budget = baseline p95 x factor (TTFR, message latency). */
      factor: z.number().finite().gt(1).default(D.adaptive.factor),
    })
    .default(() => ({ ...D.adaptive })),
});

export type Thresholds = z.infer<typeof thresholdsSchema>;
export type ThresholdsInput = z.input<typeof thresholdsSchema>;

/** The defaults, for Node callers that already import the schema: the same object as PLAIN_DEFAULT_THRESHOLDS. */
export const DEFAULT_THRESHOLDS: Thresholds = D;
