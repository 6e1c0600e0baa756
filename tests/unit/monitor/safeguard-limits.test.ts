import { expect, test } from '@playwright/test';
import { adaptiveLimits, ADAPTIVE_TIMEOUT_FACTOR } from '../../../harness/monitor/safeguard-limits.ts';
import { PLAIN_DEFAULT_THRESHOLDS } from '../../../harness/thresholds/default-thresholds.ts';

const none = { ttfrP95Ms: null, ttfrSamples: 0, handlerP95Ms: null, handlerSamples: 0, heapLimitBytes: undefined, deviceMemoryGb: undefined };
const GiB = 1024 ** 3;

test('without measurements the seed defaults stay', () => {
  expect(adaptiveLimits(PLAIN_DEFAULT_THRESHOLDS, none)).toEqual({
    responseTimeoutMs: 10_000,
    eventProcessingTimeoutMs: 5_000,
    maxPendingAudioChunks: 100,
    maxHeapBytes: 500 * 1024 * 1024,
  });
});

test('a slow network stretches the response timeout to k x TTFR p95, never below the default', () => {
  const slow = adaptiveLimits(PLAIN_DEFAULT_THRESHOLDS, { ...none, ttfrP95Ms: 4000, ttfrSamples: 20 });
  expect(slow.responseTimeoutMs).toBe(ADAPTIVE_TIMEOUT_FACTOR * 4000);
  const fast = adaptiveLimits(PLAIN_DEFAULT_THRESHOLDS, { ...none, ttfrP95Ms: 300, ttfrSamples: 20 });
  expect(fast.responseTimeoutMs).toBe(10_000);
  const tooFew = adaptiveLimits(PLAIN_DEFAULT_THRESHOLDS, { ...none, ttfrP95Ms: 9000, ttfrSamples: 2 });
  expect(tooFew.responseTimeoutMs).toBe(10_000);
});

test('chunk limit scales with memory, clamped to 0.25x..4x', () => {
  expect(adaptiveLimits(PLAIN_DEFAULT_THRESHOLDS, { ...none, heapLimitBytes: 4 * GiB }).maxPendingAudioChunks).toBe(100);
  expect(adaptiveLimits(PLAIN_DEFAULT_THRESHOLDS, { ...none, heapLimitBytes: 2 * GiB }).maxPendingAudioChunks).toBe(50);
  expect(adaptiveLimits(PLAIN_DEFAULT_THRESHOLDS, { ...none, deviceMemoryGb: 0.5 }).maxPendingAudioChunks).toBe(25);
  expect(adaptiveLimits(PLAIN_DEFAULT_THRESHOLDS, { ...none, deviceMemoryGb: 64 }).maxPendingAudioChunks).toBe(400);
});

test('heap warning sits at or below 80% of the tab heap limit', () => {
  expect(adaptiveLimits(PLAIN_DEFAULT_THRESHOLDS, { ...none, heapLimitBytes: 512 * 1024 * 1024 }).maxHeapBytes).toBeCloseTo(0.8 * 512 * 1024 * 1024);
  expect(adaptiveLimits(PLAIN_DEFAULT_THRESHOLDS, { ...none, heapLimitBytes: 4 * GiB }).maxHeapBytes).toBe(500 * 1024 * 1024);
});
