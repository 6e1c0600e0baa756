/**
 * Turn Performance.getMetrics and SystemInfo.getProcessInfo results into a `cdp` log record.
 * Pure: the sampler does the calls.
 */
import type { CdpSample } from '../core/log/log-schema.ts';

export interface CdpMetric {
  name: string;
  value: number;
}
export interface CdpProcessInfo {
  type: string;
  id: number;
  cpuTime: number;
}

export function readCdpSample(
  metrics: CdpMetric[],
  processInfo: CdpProcessInfo[] | undefined,
  at: { tMs: number; sampleLatencyMs: number; afterGc: boolean },
): CdpSample {
  const byName = new Map(metrics.map((metric) => [metric.name, metric.value]));
  const value = (name: string) => Math.max(0, byName.get(name) ?? 0);
  const frames = byName.get('Frames');
  const taskDurationS = byName.get('TaskDuration');
  return {
    type: 'cdp',
    tMs: at.tMs,
    heapUsedBytes: value('JSHeapUsedSize'),
    heapTotalBytes: value('JSHeapTotalSize'),
    domNodes: Math.round(value('Nodes')),
    eventListeners: Math.round(value('JSEventListeners')),
    documents: Math.round(value('Documents')),
    ...(frames === undefined ? {} : { frames: Math.round(Math.max(0, frames)) }),
    ...(taskDurationS === undefined ? {} : { taskDurationS: Math.max(0, taskDurationS) }),
    ...(processInfo
      ? { cpu: processInfo.map((p) => ({ processType: p.type, id: Math.max(0, Math.round(p.id)), cpuTimeS: Math.max(0, p.cpuTime) })) }
      : {}),
    afterGc: at.afterGc,
    sampleLatencyMs: Math.max(0, at.sampleLatencyMs),
  };
}
