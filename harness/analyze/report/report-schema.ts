/**
 * The Report that analyze() returns and every renderer (text, JSON, HTML/SVG, Markdown) and `compare` consume.
 * A zod schema so that a saved report JSON can be read back (compare, baselines). Pure module.
 */
import { z } from 'zod';
import { thresholdsSchema } from '../../thresholds/thresholds-schema.ts';
import type { FittedTrend } from '../stats/fit-trend.ts';

import { edgesReportSchema } from './edges-report-schema.ts';
import { heapSitesSummarySchema } from './heap-sites-report-schema.ts';
import { REPORT_SCHEMA_VERSION } from './report-version.ts';

export { REPORT_SCHEMA_VERSION };

const num = z.number().finite();
const nullableNum = num.nullable();

/** One fitted trend (Theil-Sen over a window after warm-up). Units are per minute. */
export const trendSchema = z.object({
  slopePerMin: num,
  /** Confidence interval of the slope (per minute) at thresholds.confidence. */
  ciLowPerMin: num,
  ciHighPerMin: num,
  /** Value of the fitted line at fromMs (for drawing). */
  interceptAtFrom: num,
  fromMs: num,
  toMs: num,
  points: z.number().int().nonnegative(),
  /** Mann-Kendall two-sided p-value for a monotonic trend. */
  pValue: num,
  unit: z.string(),
}) satisfies z.ZodType<FittedTrend>;

export const seriesPointSchema = z.tuple([num, num]); // [tMs, value]
export const seriesSchema = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.string(),
  points: z.array(seriesPointSchema),
  /** Points that are post-GC lows (heap) or otherwise highlighted, same shape. */
  highlight: z.array(seriesPointSchema).optional(),
  trend: trendSchema.optional(),
  /** Horizontal budget line to draw, when one applies. */
  budget: num.optional(),
  /** 'time' when x is tMs; 'turn' when x is the turn index (time to first response per turn). */
  xAxis: z.enum(['time', 'turn']).default('time'),
});

export const assertionSchema = z.object({
  id: z.string(),
  level: z.enum(['warn', 'error']),
  expected: z.union([num, z.string()]),
  actual: z.union([num, z.string(), z.null()]),
  operator: z.enum(['<=', '<', '>=', '>', '==', 'present']),
  passed: z.boolean(),
  message: z.string(),
  /**
   * The unit of `actual` and `expected` when they are numbers: 'ms', 'bytes', 'share' (0..1), 'MB/min', 'ms/min',
   * 'gaps/min', 'errors', ... ('' for a plain number). The renderers format by it (formatAssertionValue). Optional:
   * reports written before units were recorded lack it.
   */
  unit: z.string().optional(),
});

export const issueSchema = z.object({
  /** A noun naming the pattern: heap-growth, latency-growth, audio-backlog, ws-backpressure, ... */
  id: z.string(),
  level: z.enum(['warn', 'error']),
  title: z.string(),
  /** One sentence with the numbers: "heap-growth: 3.4 MB/min > 1.0 MB/min (Theil-Sen slope ..., minutes 1-7)". */
  message: z.string(),
  evidence: z.record(z.string(), z.union([num, z.string(), z.boolean(), z.null()])),
  window: z.object({ fromMs: num, toMs: num }).nullable(),
  recommendation: z.string(),
  /** Memory findings: the fastest-growing heap allocation sites above the noise floor (heap-sites), as sentences. */
  likelySources: z.array(z.string()).optional(),
});

export const metricsSchema = z.object({
  // The seed's report lines.
  avgProcessingMs: nullableNum,
  maxProcessingMs: nullableNum,
  /** Recent audio chunk processing times, ms (the seed's "Audio Latency Trend: [recent values]"). */
  audioLatencyTrendMs: z.array(num),
  /** Recent message handler times, ms (the seed's "Message Latency Trend: [recent values]"). */
  messageLatencyTrendMs: z.array(num),
  /** Audio chunks pending playback at the end of the run (robust: median of the last window). */
  audioChunksPending: nullableNum,
  audioChunksPendingMax: nullableNum,
  wsBufferedAmountBytes: nullableNum,
  wsBufferedAmountMaxBytes: nullableNum,
  eventQueueSize: nullableNum,
  eventQueueMax: nullableNum,
  /** Median time to first response over all turns, ms. */
  timeToFirstResponseMs: nullableNum,
  interruptionCount: z.number().int().nonnegative(),
  totalErrors: z.number().int().nonnegative(),
  // Beyond the seed.
  ttfrP50Ms: nullableNum,
  ttfrP95Ms: nullableNum,
  ttfrP99Ms: nullableNum,
  turns: z.number().int().nonnegative(),
  heapSlopeMbPerMin: nullableNum,
  heapPostGcStartBytes: nullableNum,
  heapPostGcEndBytes: nullableNum,
  heapMaxBytes: nullableNum,
  /** Memory the JS heap does not show (optional: reports written before it was sampled lack them). */
  bufferSlopeMbPerMin: nullableNum.optional(),
  bufferPostGcEndBytes: nullableNum.optional(),
  processMemorySlopeMbPerMin: nullableNum.optional(),
  rendererRssEndBytes: nullableNum.optional(),
  /** Conversation cycles recorded (hang-ups), and the live objects after the last one. */
  cycles: z.number().int().nonnegative().optional(),
  liveAfterLastCycle: z.object({ audioContexts: num, mediaStreamTracks: num, peerConnections: num, webSockets: num }).nullable().optional(),
  domNodeSlopePerMin: nullableNum,
  listenerSlopePerMin: nullableNum,
  ttfrSlopeMsPerMin: nullableNum,
  messageLatencySlopeMsPerMin: nullableNum,
  audioGapCount: z.number().int().nonnegative(),
  audioGapMaxMs: nullableNum,
  /** The audio edges (optional: logs without mic records or output frames lack them). */
  mouthToEarP50Ms: nullableNum.optional(),
  mouthToEarP95Ms: nullableNum.optional(),
  mouthToEarP99Ms: nullableNum.optional(),
  mouthToEarSlopeMsPerMin: nullableNum.optional(),
  turnsHeard: z.number().int().nonnegative().optional(),
  turnsSpoken: z.number().int().nonnegative().optional(),
  playbackGapCount: z.number().int().nonnegative().optional(),
  bargeInOverlapP95Ms: nullableNum.optional(),
  sampleCount: z.number().int().nonnegative(),
  maxSampleGapMs: nullableNum,
  durationMs: num,
});

export const reportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  /** From the log header. */
  startedAt: z.string(),
  target: z.object({ url: z.string(), kind: z.string(), dialect: z.string().optional() }),
  toolVersion: z.string(),
  faults: z.array(z.string()),
  thresholds: thresholdsSchema,
  warmupMs: num,
  metrics: metricsSchema,
  series: z.array(seriesSchema),
  issues: z.array(issueSchema),
  /** Mouth-to-ear and the other audio-edge timings per turn, when the log has mic records or output frames. */
  edges: edgesReportSchema.optional(),
  /** The sampling heap profile's growing allocation sites, when the log has heap-sites checkpoints. */
  heapSites: heapSitesSummarySchema.optional(),
  assertions: z.array(assertionSchema),
  /** 'fail' when an error-level assertion failed; 'warn' when only warn-level ones did; else 'pass'. */
  verdict: z.enum(['pass', 'warn', 'fail']),
  /** Counts of records read, per type, and lines skipped (e.g. a truncated last line). */
  input: z.object({ records: z.record(z.string(), z.number().int()), warnings: z.array(z.string()) }),
});

/** The stats' fit, as the report carries it (trendSchema is checked against it). */
export type Trend = FittedTrend;
export type Series = z.infer<typeof seriesSchema>;
export type Assertion = z.infer<typeof assertionSchema>;
export type Issue = z.infer<typeof issueSchema>;
export type Metrics = z.infer<typeof metricsSchema>;
export type Report = z.infer<typeof reportSchema>;
