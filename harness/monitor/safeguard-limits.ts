/**
 * The seed's "Adaptive Thresholds": safeguard limits that follow measured conditions instead of fixed numbers.
 *  - timeouts scale with the network: responseTimeoutMs = max(configured, k x measured TTFR p95), and the event
 *    processing limit = max(configured, k x measured handler p95), once enough samples exist;
 *  - the pending-chunk limit scales with available memory (jsHeapSizeLimit, else navigator.deviceMemory) relative
 *    to a 4 GiB reference, clamped to [0.25x, 4x] of the configured limit;
 *  - the heap warning never sits above 80% of the tab's heap limit.
 * Never lowers a timeout below its configured value. Pure: measurements in, limits out.
 * These are the page's safeguard limits, not thresholds: the configured values come from the thresholds (one set of
 * defaults, harness/thresholds), and the constants below only say how far the safeguards may stretch them. The
 * analyzer's adaptive budgets (harness/analyze/judge/adaptive-thresholds.ts, thresholds.adaptive.factor) are another idea.
 */
import type { Thresholds } from '../thresholds/thresholds-schema.ts';

export interface AdaptiveInputs {
  ttfrP95Ms: number | null;
  ttfrSamples: number;
  handlerP95Ms: number | null;
  handlerSamples: number;
  heapLimitBytes: number | undefined;
  deviceMemoryGb: number | undefined;
}

export interface SafeguardLimits {
  responseTimeoutMs: number;
  eventProcessingTimeoutMs: number;
  maxPendingAudioChunks: number;
  maxHeapBytes: number;
}

export const ADAPTIVE_TIMEOUT_FACTOR = 4;
export const ADAPTIVE_MIN_SAMPLES = 5;
const REFERENCE_MEMORY_BYTES = 4 * 1024 ** 3;
const HEAP_LIMIT_SHARE = 0.8;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

export function baseLimits(thresholds: Thresholds): SafeguardLimits {
  const { responseTimeoutMs, eventProcessingTimeoutMs, maxPendingAudioChunks, maxHeapBytes } = thresholds;
  return { responseTimeoutMs, eventProcessingTimeoutMs, maxPendingAudioChunks, maxHeapBytes };
}

export function adaptiveLimits(thresholds: Thresholds, inputs: AdaptiveInputs, factor = ADAPTIVE_TIMEOUT_FACTOR): SafeguardLimits {
  const base = baseLimits(thresholds);
  const responseTimeoutMs =
    inputs.ttfrP95Ms !== null && inputs.ttfrSamples >= ADAPTIVE_MIN_SAMPLES
      ? Math.max(base.responseTimeoutMs, factor * inputs.ttfrP95Ms)
      : base.responseTimeoutMs;
  const eventProcessingTimeoutMs =
    inputs.handlerP95Ms !== null && inputs.handlerSamples >= ADAPTIVE_MIN_SAMPLES
      ? Math.max(base.eventProcessingTimeoutMs, factor * inputs.handlerP95Ms)
      : base.eventProcessingTimeoutMs;
  const memoryBytes = inputs.heapLimitBytes ?? (inputs.deviceMemoryGb ? inputs.deviceMemoryGb * 1024 ** 3 : undefined);
  const maxPendingAudioChunks = memoryBytes
    ? Math.max(1, Math.round(base.maxPendingAudioChunks * clamp(memoryBytes / REFERENCE_MEMORY_BYTES, 0.25, 4)))
    : base.maxPendingAudioChunks;
  const maxHeapBytes = inputs.heapLimitBytes ? Math.min(base.maxHeapBytes, HEAP_LIMIT_SHARE * inputs.heapLimitBytes) : base.maxHeapBytes;
  return { responseTimeoutMs, eventProcessingTimeoutMs, maxPendingAudioChunks, maxHeapBytes };
}
