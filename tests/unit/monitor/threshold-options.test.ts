import { expect, test } from '@playwright/test';
import { logHeaderSchema, LOG_SCHEMA_VERSION } from '../../../harness/log/log-schema.ts';
import { MONITOR_LOG_SCHEMA_VERSION, monitorHeader } from '../../../harness/monitor/monitor-header.ts';
import { readThresholdOptions } from '../../../harness/monitor/read-threshold-options.ts';
import { mergeThresholds } from '../../../harness/thresholds/merge-thresholds.ts';

test('page options: valid numbers kept, bad and unknown ones named and ignored, adaptive read one level deeper', () => {
  const warnings: string[] = [];
  const layer = readThresholdOptions(
    { responseTimeoutMs: 500, maxHeapBytes: -1, heapMb: 3, ttfrP95Ms: '2000', adaptive: { enabled: true, factor: 0.5 } },
    (m) => warnings.push(m),
  );
  expect(layer).toEqual({ responseTimeoutMs: 500, adaptive: { enabled: true } });
  const merged = mergeThresholds(layer);
  expect([merged.responseTimeoutMs, merged.maxHeapBytes, merged.ttfrP95Ms, merged.adaptive]).toEqual([
    500,
    500 * 1024 * 1024,
    3000,
    { enabled: true, factor: 1.5 },
  ]);
  expect(warnings).toEqual([
    'voice-soak monitor: threshold "maxHeapBytes" must be a non-negative number, got -1; using 524288000',
    'voice-soak monitor: unknown threshold "heapMb" ignored',
    'voice-soak monitor: threshold "ttfrP95Ms" must be a non-negative number, got "2000"; using 3000',
    'voice-soak monitor: threshold "adaptive.factor" must be a number > 1, got 0.5; ignored',
  ]);
  expect(readThresholdOptions(undefined)).toEqual({});
  expect(readThresholdOptions({ adaptive: 'yes' }, (m) => warnings.push(m))).toEqual({ adaptive: {} });
  expect(warnings.at(-1)).toBe('voice-soak monitor: threshold "adaptive" must be an object, got "yes"; ignored');
});

test('the monitor header is a valid log header with the current schema version', () => {
  expect(MONITOR_LOG_SCHEMA_VERSION).toBe(LOG_SCHEMA_VERSION);
  const header = monitorHeader({
    startedAt: new Date(0).toISOString(),
    sampleIntervalMs: 1000,
    thresholds: mergeThresholds(),
    dialect: 'ga',
    targetKind: undefined,
    meta: { a: 'b' },
    dropped: { messages: 3 },
  });
  const parsed = logHeaderSchema.parse(header);
  expect(parsed.source).toBe('page');
  expect(parsed.meta['dropped.messages']).toBe('3');
});
