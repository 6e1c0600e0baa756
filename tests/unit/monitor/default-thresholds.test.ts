import { expect, test } from '@playwright/test';
import { logHeaderSchema, LOG_SCHEMA_VERSION } from '../../../harness/log/log-schema.ts';
import { DEFAULT_THRESHOLDS } from '../../../harness/thresholds/thresholds-schema.ts';
import { MONITOR_DEFAULT_THRESHOLDS, mergeThresholds } from '../../../harness/monitor/default-thresholds.ts';
import { MONITOR_LOG_SCHEMA_VERSION, monitorHeader } from '../../../harness/monitor/monitor-header.ts';

test('the zod-free defaults equal the schema defaults', () => {
  expect(MONITOR_DEFAULT_THRESHOLDS).toEqual(DEFAULT_THRESHOLDS);
});

test('merge overlays valid numbers and names bad ones', () => {
  const warnings: string[] = [];
  const merged = mergeThresholds({ responseTimeoutMs: 500, maxHeapBytes: -1 as number, adaptive: { enabled: true } }, (m) => warnings.push(m));
  expect(merged.responseTimeoutMs).toBe(500);
  expect(merged.maxHeapBytes).toBe(500 * 1024 * 1024);
  expect(merged.adaptive).toEqual({ enabled: true, factor: 1.5 });
  expect(warnings).toEqual(['voice-soak monitor: threshold "maxHeapBytes" must be a non-negative number, got -1; using 524288000']);
});

test('the monitor header is a valid log header with the current schema version', () => {
  expect(MONITOR_LOG_SCHEMA_VERSION).toBe(LOG_SCHEMA_VERSION);
  const header = monitorHeader({ startedAt: new Date(0).toISOString(), sampleIntervalMs: 1000, thresholds: MONITOR_DEFAULT_THRESHOLDS, dialect: 'ga', targetKind: undefined, meta: { a: 'b' }, dropped: { messages: 3 } });
  const parsed = logHeaderSchema.parse(header);
  expect(parsed.source).toBe('page');
  expect(parsed.meta['dropped.messages']).toBe('3');
});
