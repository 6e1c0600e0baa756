/**
 * Thresholds the analyzer judges against: the seed's safeguard defaults plus trend budgets.
 * Set from .env (SOAK_THRESHOLD_*), a thresholds JSON file, or reporter options; validated once at the edge.
 * Pure module.
 */
import { z } from 'zod';

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().nonnegative();

export const thresholdsSchema = z.object({
  /** Seed: "Audio Chunk Cleanup - Threshold: 100 chunks". */
  maxPendingAudioChunks: z.number().int().positive().default(100),
  /** Seed: "Response Timeout - Threshold: 10 seconds". */
  responseTimeoutMs: positive.default(10_000),
  /** Seed: "Event Processing Timeout - Threshold: 5 seconds". */
  eventProcessingTimeoutMs: positive.default(5_000),
  /** Seed: "Memory Usage Warning - Threshold: 500MB". */
  maxHeapBytes: positive.default(500 * 1024 * 1024),
  /** Trend budget: Theil-Sen slope of the post-GC heap, MB per minute. */
  heapSlopeMbPerMin: nonNegative.default(1),
  /**
   * Trend budget: Theil-Sen slope of post-GC ArrayBuffer backing stores (typed arrays, AudioBuffers), MB per minute.
   * 0.25: a clean voice app's decoded audio is released after playback (the reference app measured about 0 MB/min),
   * while one minute of 24 kHz reply audio decoded to Float32 is 5.5 MB, so keeping even 5% of it shows.
   */
  bufferSlopeMbPerMin: nonNegative.default(0.25),
  /**
   * Trend budget: Theil-Sen slope of the page's renderer RSS at post-GC samples, MB per minute. 10: RSS also moves
   * with code caches, heap pages the allocator keeps and media buffers (the clean reference app measured about
   * 8 MB/min in its first minute, while they fill), so it is the loose net for native memory the heaps do not show
   * (70 MB over the 7-minute soak); buffer-growth and heap-growth are the tight ones.
   */
  processMemorySlopeMbPerMin: nonNegative.default(10),
  /**
   * cycle-leak tolerance: event listeners a conversation may add for good (per start/stop cycle) before a steady
   * per-cycle rise is a leak. 10: a start/stop that forgets its handlers leaves several per cycle; a clean app none.
   */
  cycleListenerGrowth: nonNegative.default(10),
  /**
   * cycle-leak tolerance: DOM nodes per cycle. 100: a transcript kept on screen adds a few nodes per turn (the
   * reference app: about 4); a conversation's worth of detached or duplicated UI adds hundreds.
   */
  cycleDomNodeGrowth: nonNegative.default(100),
  /** Trend budget: growth of time to first response, ms per minute of conversation. */
  ttfrSlopeMsPerMin: nonNegative.default(100),
  /** Trend budget: growth of message handler time, ms per minute. */
  messageLatencySlopeMsPerMin: nonNegative.default(2),
  /** Trend budget: DOM nodes added per minute (after warm-up). */
  domNodeSlopePerMin: nonNegative.default(200),
  /** Trend budget: event listeners added per minute (after warm-up). */
  listenerSlopePerMin: nonNegative.default(50),
  /** Budget: WebSocket bufferedAmount that counts as backpressure, bytes. */
  maxWsBufferedBytes: nonNegative.default(256 * 1024),
  /** Budget: messages waiting to be handled. */
  maxEventQueueSize: z.number().int().nonnegative().default(50),
  /** Budget: p95 time to first response, ms. */
  ttfrP95Ms: positive.default(3_000),
  /** A gap in reply audio longer than this counts as an audible gap, ms. */
  audioGapMs: positive.default(250),
  /** Budget: audible gaps per minute of reply audio. */
  maxAudioGapsPerMin: nonNegative.default(2),
  /** Budget: errors (server protocol errors, app errors, crashes) in the whole run; client misuse is counted apart. */
  maxErrors: z.number().int().nonnegative().default(0),
  /**
   * Budget: errors the server sent because the client misused the protocol (invalid_request_error, e.g. a cancel with
   * no active response), per turn. A rate, not a total: an app that misuses the protocol does it on every turn (~1),
   * while a cancel racing a reply's end happens now and then; 0.25 (one turn in four) tolerates those races in a
   * short run and flags the habit.
   */
  maxClientProtocolErrorsPerTurn: nonNegative.default(0.25),
  /** Budget: interruptions that were not barge-ins the script asked for (timeouts, cleanups). */
  maxUnplannedInterruptions: z.number().int().nonnegative().default(0),
  /** Longest tolerated gap between two CDP samples, ms. */
  maxSampleGapMs: positive.default(1_500),
  /** Longest the page may go without answering CDP (a busy or hung main thread) before it is page-unresponsive, ms. */
  maxUnresponsiveMs: positive.default(10_000),
  /** Start of the run excluded from trend fits, ms. */
  warmupMs: nonNegative.default(60_000),
  /** Confidence level of trend intervals (and significance in compare). */
  confidence: z.number().gt(0.5).lt(1).default(0.95),
  /** Adaptive mode: derive latency budgets from a measured baseline (the seed's "Adaptive Thresholds"). */
  adaptive: z
    .object({
      enabled: z.boolean().default(false),
      /** Budget = baseline p95 x factor (TTFR, message latency). */
      factor: z.number().finite().gt(1).default(1.5),
    })
    .default({ enabled: false, factor: 1.5 }),
});

export type Thresholds = z.infer<typeof thresholdsSchema>;
export type ThresholdsInput = z.input<typeof thresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = thresholdsSchema.parse({});
