/** The report's metrics: the seed's report lines plus the trend numbers, from the analysis context. */
import type { Metrics } from './report/report-schema.ts';
import { median, quantileSorted } from './stats/quantile-sorted.ts';
import type { AnalysisContext } from './judge/analysis-context.ts';
import type { TimeSeries } from './judge/collected-data.ts';
import { audioGapSummary } from './judge/audio-gap-summary.ts';
import { totalErrors } from './judge/total-errors.ts';
import { endWindowFromMs, valuesBetween } from './judge/series-window.ts';

/** How many one-minute medians make a "recent values" trend line. */
export const RECENT_MINUTES = 5;

export function computeMetrics(ctx: AnalysisContext): Metrics {
  const { data, trends, heap, turns } = ctx;
  const handler = data.handlerMs.values;
  const ttfrSorted = Float64Array.from(turns.map((t) => t.ttfrMs)).sort();
  const ttfrQ = (q: number): number | null => (ttfrSorted.length ? quantileSorted(ttfrSorted, q) : null);
  const lowsAfterWarmup = heap.lows ? heap.lows.bytes.filter((_, i) => heap.lows!.tMs[i]! >= ctx.warmupMs) : [];
  const gaps = audioGapSummary(ctx);
  const monitorRecords = data.recordCounts.monitor ?? 0;
  return {
    avgProcessingMs: handler.length ? sum(handler) / handler.length : null,
    maxProcessingMs: max(handler),
    audioLatencyTrendMs: recentMinuteMedians(data.audioProcessingMs, RECENT_MINUTES),
    messageLatencyTrendMs: recentMinuteMedians(data.handlerMs, RECENT_MINUTES),
    audioChunksPending: endLevel(ctx, data.pendingChunks),
    audioChunksPendingMax: max(data.pendingChunks.values),
    wsBufferedAmountBytes: endLevel(ctx, data.wsBufferedBytes),
    wsBufferedAmountMaxBytes: max(data.wsBufferedBytes.values),
    eventQueueSize: endLevel(ctx, data.queueSize),
    eventQueueMax: max(data.queueSize.values),
    timeToFirstResponseMs: ttfrQ(0.5),
    interruptionCount: monitorRecords > 0 ? data.interruptions.total : data.interruptions.cancelledResponses,
    totalErrors: totalErrors(ctx),
    ttfrP50Ms: ttfrQ(0.5),
    ttfrP95Ms: ttfrQ(0.95),
    ttfrP99Ms: ttfrQ(0.99),
    turns: turns.length,
    heapSlopeMbPerMin: heap.trend?.slopePerMin ?? null,
    heapPostGcStartBytes: lowsAfterWarmup[0] ?? null,
    heapPostGcEndBytes: lowsAfterWarmup[lowsAfterWarmup.length - 1] ?? null,
    heapMaxBytes: max(heap.series.values),
    ...memoryMetrics(ctx),
    ...edgeMetrics(ctx),
    domNodeSlopePerMin: trends.domNodes?.slopePerMin ?? null,
    listenerSlopePerMin: trends.eventListeners?.slopePerMin ?? null,
    ttfrSlopeMsPerMin: trends.ttfrMs?.slopePerMin ?? null,
    messageLatencySlopeMsPerMin: trends.handlerMs?.slopePerMin ?? null,
    audioGapCount: gaps.count,
    audioGapMaxMs: gaps.maxMs,
    sampleCount: heap.series.tMs.length,
    maxSampleGapMs: data.sampleGaps.maxMs,
    durationMs: ctx.durationMs,
  };
}

/** The audio-edge metrics, only when the log has mic records or output frames. */
function edgeMetrics(ctx: AnalysisContext): Partial<Metrics> {
  const { edges, trends } = ctx;
  if (!edges.spoke && !edges.tapped) return {};
  const sorted = Float64Array.from(edges.mouthToEar.map(([, v]) => v)).sort();
  const q = (p: number) => (sorted.length ? quantileSorted(sorted, p) : null);
  const overlaps = Float64Array.from(edges.turns.flatMap((t) => (t.bargeInOverlapMs === null ? [] : [t.bargeInOverlapMs]))).sort();
  return {
    mouthToEarP50Ms: q(0.5),
    mouthToEarP95Ms: q(0.95),
    mouthToEarP99Ms: q(0.99),
    mouthToEarSlopeMsPerMin: trends.mouthToEarMs?.slopePerMin ?? null,
    turnsHeard: sorted.length,
    turnsSpoken: edges.turns.length,
    playbackGapCount: edges.turns.reduce((n, t) => n + t.gapsMs.length, 0),
    bargeInOverlapP95Ms: overlaps.length ? quantileSorted(overlaps, 0.95) : null,
  };
}

/** The memory-beyond-the-heap metrics, only when the log has them (so older reports keep their shape). */
function memoryMetrics(ctx: AnalysisContext): Partial<Metrics> {
  const { buffers, processMemory, data } = ctx;
  const out: Partial<Metrics> = {};
  if (buffers.lows) {
    out.bufferSlopeMbPerMin = buffers.trend?.slopePerMin ?? null;
    out.bufferPostGcEndBytes = buffers.lows.bytes[buffers.lows.bytes.length - 1] ?? null;
  }
  if (processMemory.lows) {
    out.processMemorySlopeMbPerMin = processMemory.trend?.slopePerMin ?? null;
    out.rendererRssEndBytes = endLevel(ctx, processMemory.series);
  }
  const hungUp = data.cycles.filter((c) => c.cycle > 0);
  if (data.cycles.length) {
    out.cycles = hungUp.length;
    out.liveAfterLastCycle = hungUp[hungUp.length - 1]?.live ?? null;
  }
  return out;
}

function endLevel(ctx: AnalysisContext, series: TimeSeries): number | null {
  return median(valuesBetween(series, endWindowFromMs(ctx.durationMs))) ?? series.values[series.values.length - 1] ?? null;
}

/** Medians of the last `count` one-minute buckets that hold data, oldest first. */
export function recentMinuteMedians(series: TimeSeries, count: number): number[] {
  const medians: number[] = [];
  let end = series.tMs.length;
  while (end > 0 && medians.length < count) {
    const minute = Math.floor(series.tMs[end - 1]! / 60_000);
    let start = end - 1;
    while (start > 0 && Math.floor(series.tMs[start - 1]! / 60_000) === minute) start--;
    medians.unshift(median(series.values.slice(start, end))!);
    end = start;
  }
  return medians;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function max(values: readonly number[]): number | null {
  let best: number | null = null;
  for (const v of values) if (best === null || v > best) best = v;
  return best;
}
