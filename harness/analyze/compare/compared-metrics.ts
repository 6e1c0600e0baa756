/**
 * What compare looks at, and where each value lives in a Report: distributions (series points or highlights) for
 * Mann-Whitney, trends for slope tests, counts over the run for Poisson rate tests. Pure module.
 */
import type { Metrics, Report, Series } from '../report/report-schema.ts';

interface Base {
  id: string;
  title: string;
  /** Unit of the values; a distribution takes its series' unit when the series is found. */
  unit: string;
}

export interface DistributionMetric extends Base {
  kind: 'distribution';
  /** Series ids to look for, first match wins; values are the points' y (or the highlights' y). */
  seriesIds: readonly string[];
  from: 'points' | 'highlight';
}

export interface SlopeMetric extends Base {
  kind: 'slope';
  metric: keyof Metrics;
  /** Series whose trend carries the confidence interval of this slope. */
  seriesIds: readonly string[];
}

export interface CountMetric extends Base {
  kind: 'count';
  metric: 'totalErrors' | 'interruptionCount' | 'audioGapCount';
}

export type ComparedMetric = DistributionMetric | SlopeMetric | CountMetric;

/** Series ids as harness/analyze/build-series.ts names them (older names after). */
const TTFR = ['ttfr-ms', 'ttfr'];
const MESSAGE = ['message-handler-ms', 'message-latency'];
const HEAP = ['heap-used', 'heap'];

export const COMPARED_METRICS: readonly ComparedMetric[] = [
  { kind: 'distribution', id: 'ttfr', title: 'Time to first response (median per turn)', unit: 'ms', seriesIds: TTFR, from: 'points' },
  { kind: 'distribution', id: 'message-latency', title: 'Message handler time (median)', unit: 'ms', seriesIds: MESSAGE, from: 'points' },
  { kind: 'distribution', id: 'heap-post-gc', title: 'Post-GC heap (median)', unit: 'MB', seriesIds: HEAP, from: 'highlight' },
  { kind: 'slope', id: 'heap-growth', title: 'Heap growth', unit: 'MB/min', metric: 'heapSlopeMbPerMin', seriesIds: HEAP },
  { kind: 'slope', id: 'ttfr-growth', title: 'TTFR growth', unit: 'ms/min', metric: 'ttfrSlopeMsPerMin', seriesIds: TTFR },
  { kind: 'slope', id: 'message-latency-growth', title: 'Message latency growth', unit: 'ms/min', metric: 'messageLatencySlopeMsPerMin', seriesIds: MESSAGE },
  { kind: 'slope', id: 'dom-node-growth', title: 'DOM node growth', unit: 'nodes/min', metric: 'domNodeSlopePerMin', seriesIds: ['dom-nodes'] },
  {
    kind: 'slope',
    id: 'listener-growth',
    title: 'Listener growth',
    unit: 'listeners/min',
    metric: 'listenerSlopePerMin',
    seriesIds: ['event-listeners', 'listeners'],
  },
  { kind: 'count', id: 'errors', title: 'Errors', unit: 'count', metric: 'totalErrors' },
  { kind: 'count', id: 'interruptions', title: 'Interruptions', unit: 'count', metric: 'interruptionCount' },
  { kind: 'count', id: 'audio-gaps', title: 'Audible audio gaps', unit: 'count', metric: 'audioGapCount' },
];

export function findSeries(report: Report, seriesIds: readonly string[]): Series | undefined {
  for (const id of seriesIds) {
    const series = report.series.find((s) => s.id === id);
    if (series) return series;
  }
  return undefined;
}
