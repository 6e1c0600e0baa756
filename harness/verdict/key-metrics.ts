/**
 * The handful of report metrics the run summary, the baseline check and the nightly history follow per test,
 * with labels and units for tables. Values are copied from Report.metrics, never computed here; the renderers format
 * them (harness/render/format-key-metric.ts).
 */
import type { Metrics } from '../analyze/report/report-schema.ts';

export interface KeyMetric {
  key: keyof Metrics & string;
  label: string;
  unit: string;
  /** Which direction is worse (every key metric gets worse as it grows). */
  worse: 'higher';
}

export const KEY_METRICS: readonly KeyMetric[] = [
  { key: 'heapSlopeMbPerMin', label: 'heap slope', unit: 'MB/min', worse: 'higher' },
  { key: 'heapMaxBytes', label: 'heap max', unit: 'bytes', worse: 'higher' },
  { key: 'ttfrP50Ms', label: 'TTFR p50', unit: 'ms', worse: 'higher' },
  { key: 'ttfrP95Ms', label: 'TTFR p95', unit: 'ms', worse: 'higher' },
  { key: 'ttfrSlopeMsPerMin', label: 'TTFR slope', unit: 'ms/min', worse: 'higher' },
  { key: 'messageLatencySlopeMsPerMin', label: 'message latency slope', unit: 'ms/min', worse: 'higher' },
  { key: 'wsBufferedAmountMaxBytes', label: 'WS buffered max', unit: 'bytes', worse: 'higher' },
  { key: 'audioChunksPendingMax', label: 'chunks pending max', unit: 'chunks', worse: 'higher' },
  { key: 'eventQueueMax', label: 'event queue max', unit: 'events', worse: 'higher' },
  { key: 'audioGapCount', label: 'audio gaps', unit: 'gaps', worse: 'higher' },
  { key: 'totalErrors', label: 'errors', unit: 'errors', worse: 'higher' },
];

export type KeyMetricValues = Record<string, number | null>;

export function pickKeyMetrics(metrics: Metrics): KeyMetricValues {
  const values: KeyMetricValues = {};
  for (const { key } of KEY_METRICS) {
    const value = metrics[key];
    values[key] = typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
  return values;
}
