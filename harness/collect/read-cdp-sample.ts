/**
 * Turn the answers of one sampler tick into a `cdp` log record: Performance.getMetrics, SystemInfo.getProcessInfo,
 * Runtime.getHeapUsage (ArrayBuffer backing stores, embedder heap), the renderer's RSS and the in-page monitor's
 * live counts. Each source but getMetrics is optional: a missing or malformed answer leaves its fields out.
 * Pure: the sampler does the calls.
 */
import type { CdpSample, LiveCounts } from '../log/log-schema.ts';

export interface CdpMetric {
  name: string;
  value: number;
}
export interface CdpProcessInfo {
  type: string;
  id: number;
  cpuTime: number;
}
/** Runtime.getHeapUsage's answer (Chromium 156: usedSize, totalSize, embedderHeapUsedSize, backingStorageSize). */
export interface CdpHeapUsage {
  usedSize?: number;
  totalSize?: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}
export interface RendererMemory {
  pid: number;
  rssBytes: number;
}

export interface CdpSampleExtras {
  heapUsage?: CdpHeapUsage | undefined;
  renderer?: RendererMemory | undefined;
  /** What the page's monitor answered for its live counts (any JSON; validated here). */
  live?: unknown;
}

const nonNegative = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);
const LIVE_KEYS = ['audioContexts', 'mediaStreamTracks', 'peerConnections', 'webSockets'] as const;

/** The monitor's live counts, or undefined unless every count is a non-negative number. */
export function readLiveCounts(value: unknown): LiveCounts | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const out: Partial<LiveCounts> = {};
  for (const key of LIVE_KEYS) {
    const n = nonNegative((value as Record<string, unknown>)[key]);
    if (n === undefined) return undefined;
    out[key] = Math.round(n);
  }
  return out as LiveCounts;
}

export function readCdpSample(
  metrics: CdpMetric[],
  processInfo: CdpProcessInfo[] | undefined,
  at: { tMs: number; sampleLatencyMs: number; afterGc: boolean },
  extras: CdpSampleExtras = {},
): CdpSample {
  const byName = new Map(metrics.map((metric) => [metric.name, metric.value]));
  const value = (name: string) => Math.max(0, byName.get(name) ?? 0);
  const frames = byName.get('Frames');
  const taskDurationS = byName.get('TaskDuration');
  const backingStorageBytes = nonNegative(extras.heapUsage?.backingStorageSize);
  const embedderHeapBytes = nonNegative(extras.heapUsage?.embedderHeapUsedSize);
  const rssBytes = nonNegative(extras.renderer?.rssBytes);
  const pid = nonNegative(extras.renderer?.pid);
  const live = readLiveCounts(extras.live);
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
    ...(processInfo ? { cpu: processInfo.map((p) => ({ processType: p.type, id: Math.max(0, Math.round(p.id)), cpuTimeS: Math.max(0, p.cpuTime) })) } : {}),
    afterGc: at.afterGc,
    sampleLatencyMs: Math.max(0, at.sampleLatencyMs),
    ...(backingStorageBytes === undefined ? {} : { backingStorageBytes }),
    ...(embedderHeapBytes === undefined ? {} : { embedderHeapBytes }),
    ...(rssBytes === undefined || pid === undefined ? {} : { rendererRssBytes: rssBytes, rendererPid: Math.round(pid) }),
    ...(live ? { live } : {}),
  };
}
