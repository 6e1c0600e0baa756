/**
 * The thresholds-schema.ts defaults as a literal, so the page bundle does not need zod just to know them.
 * tests/unit/monitor/default-thresholds.test.ts proves this equals DEFAULT_THRESHOLDS from the schema.
 */
import type { Thresholds, ThresholdsInput } from '../core/thresholds/thresholds-schema.ts';

export const MONITOR_DEFAULT_THRESHOLDS: Thresholds = {
  maxPendingAudioChunks: 100,
  responseTimeoutMs: 10_000,
  eventProcessingTimeoutMs: 5_000,
  maxHeapBytes: 500 * 1024 * 1024,
  heapSlopeMbPerMin: 1,
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
  maxUnplannedInterruptions: 0,
  maxSampleGapMs: 1_500,
  warmupMs: 60_000,
  confidence: 0.95,
  adaptive: { enabled: false, factor: 1.5 },
};

/** Defaults overlaid with the page's options; a value of the wrong type is named and ignored, not fatal. */
export function mergeThresholds(input: ThresholdsInput | undefined, warn: (message: string) => void = () => {}): Thresholds {
  const merged: Thresholds = { ...MONITOR_DEFAULT_THRESHOLDS, adaptive: { ...MONITOR_DEFAULT_THRESHOLDS.adaptive } };
  if (!input || typeof input !== 'object') return merged;
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (key === 'adaptive' && value && typeof value === 'object') {
      Object.assign(merged.adaptive, value);
      continue;
    }
    const current = (merged as unknown as Record<string, unknown>)[key];
    if (current === undefined) warn(`voice-soak monitor: unknown threshold "${key}" ignored`);
    else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      warn(`voice-soak monitor: threshold "${key}" must be a non-negative number, got ${JSON.stringify(value)}; using ${current}`);
    else (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return merged;
}
