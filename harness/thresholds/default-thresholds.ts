/**
 * The thresholds' defaults as a plain object, with no zod import, so analyze() bundles small for the page.
 * A unit test keeps it equal to thresholdsSchema.parse({}) (the source of truth).
 */
import type { Thresholds } from './thresholds-schema.ts';

const MIB = 1024 * 1024;

export const PLAIN_DEFAULT_THRESHOLDS: Thresholds = {
  maxPendingAudioChunks: 100,
  responseTimeoutMs: 10_000,
  eventProcessingTimeoutMs: 5_000,
  maxHeapBytes: 500 * MIB,
  heapSlopeMbPerMin: 1,
  bufferSlopeMbPerMin: 0.25,
  processMemorySlopeMbPerMin: 10,
  cycleListenerGrowth: 10,
  cycleDomNodeGrowth: 100,
  ttfrSlopeMsPerMin: 100,
  messageLatencySlopeMsPerMin: 2,
  domNodeSlopePerMin: 200,
  listenerSlopePerMin: 50,
  maxWsBufferedBytes: 256 * 1024,
  maxEventQueueSize: 50,
  ttfrP95Ms: 3_000,
  audioGapMs: 250,
  maxAudioGapsPerMin: 2,
  maxErrors: 0,
  maxClientProtocolErrorsPerTurn: 0.25,
  maxUnplannedInterruptions: 0,
  maxSampleGapMs: 1_500,
  maxUnresponsiveMs: 10_000,
  warmupMs: 60_000,
  confidence: 0.95,
  adaptive: { enabled: false, factor: 1.5 },
};

/** Shallow merge of already-validated layers over the defaults (adaptive merged one level deeper). No validation. */
export function mergeThresholds(...layers: ReadonlyArray<Partial<Thresholds> | Record<string, unknown> | undefined>): Thresholds {
  let merged: Thresholds = { ...PLAIN_DEFAULT_THRESHOLDS, adaptive: { ...PLAIN_DEFAULT_THRESHOLDS.adaptive } };
  for (const layer of layers) {
    if (!layer) continue;
    const defined = Object.fromEntries(Object.entries(layer).filter(([, v]) => v !== undefined)) as Partial<Thresholds>;
    merged = { ...merged, ...defined, adaptive: { ...merged.adaptive, ...(defined.adaptive ?? {}) } };
  }
  return merged;
}
