/**
 * Everything the audits judge, derived once from the collected data at finish: the effective warm-up, the heap
 * source and its post-GC lows, and the robust trends (Theil-Sen + Mann-Kendall) of each signal after warm-up.
 */
import type { Trend } from '../report/report-schema.ts';
import { fitTrend, type FitTrendOptions } from '../stats/fit-trend.ts';
import { postGcLows, type PostGcLows } from '../stats/post-gc-lows.ts';
import { adaptiveBudgets, applyAdaptiveBudgets, baselineFromWarmup, type AdaptiveBaseline, type AdaptiveBudgets } from './adaptive-thresholds.ts';
import type { Thresholds } from '../../thresholds/thresholds-schema.ts';
import type { CollectedData, GcSeries, TimeSeries } from './collected-data.ts';
import { analyzeEdges, type EdgeAnalysis } from './edge-analysis.ts';
import type { TurnTiming } from './turn-matcher.ts';

/** Warm-up is clamped to this share of the run, so short runs still get a window to judge. */
export const MAX_WARMUP_SHARE = 0.25;
const MIB = 1024 * 1024;

export interface AnalysisContext {
  data: CollectedData;
  /** Thresholds in effect (adaptive budgets already applied). */
  thresholds: Thresholds;
  durationMs: number;
  warmupMs: number;
  /** Adaptive latency budgets when thresholds.adaptive.enabled, else null. */
  adaptive: AdaptiveBudgets | null;
  heap: { source: 'cdp' | 'page' | null; series: TimeSeries; lows: PostGcLows | null; trend: Trend | null };
  /** What every trend of this run is fitted with (warm-up, confidence, autocorrelation): audits add their unit. */
  fitOptions: Omit<FitTrendOptions, 'unit' | 'yScale'>;
  /** ArrayBuffer backing stores and the renderer's RSS, judged like the heap: post-GC lows, then the trend. */
  buffers: MemoryTrend;
  processMemory: MemoryTrend;
  turns: TurnTiming[];
  /** The audio edges: mouth-to-ear per turn, reply gaps, barge-in overlap, echo, and the protocol in use. */
  edges: EdgeAnalysis;
  trends: {
    domNodes: Trend | null;
    eventListeners: Trend | null;
    handlerMs: Trend | null;
    ttfrMs: Trend | null;
    pendingChunks: Trend | null;
    wsBufferedBytes: Trend | null;
    queueSize: Trend | null;
    mouthToEarMs: Trend | null;
  };
}

/** A memory series with its post-GC lows and their trend (null when the series is empty or too short). */
export interface MemoryTrend {
  series: TimeSeries;
  lows: PostGcLows | null;
  trend: Trend | null;
}

function memoryTrend(series: GcSeries, fit: (lows: PostGcLows) => Trend | null): MemoryTrend {
  if (series.tMs.length === 0) return { series, lows: null, trend: null };
  const lows = postGcLows(series.tMs, series.values, series.afterGc);
  return { series, lows, trend: fit(lows) };
}

export function effectiveWarmupMs(warmupMs: number, durationMs: number): number {
  return Math.min(warmupMs, MAX_WARMUP_SHARE * durationMs);
}

export function buildAnalysisContext(data: CollectedData, configured: Thresholds, baseline?: AdaptiveBaseline): AnalysisContext {
  const durationMs = data.lastTMs;
  const warmupMs = effectiveWarmupMs(configured.warmupMs, durationMs);
  const turns = data.turnMatcher.turns;
  let adaptive: AdaptiveBudgets | null = null;
  if (configured.adaptive.enabled) {
    const measured =
      baseline ??
      baselineFromWarmup(
        turns.filter((t) => t.startMs < warmupMs).map((t) => t.ttfrMs),
        data.handlerMs.values.filter((_, i) => data.handlerMs.tMs[i]! < warmupMs),
        warmupMs,
      );
    adaptive = adaptiveBudgets(measured, configured.adaptive.factor);
  }
  const thresholds = adaptive ? applyAdaptiveBudgets(configured, adaptive) : configured;
  const base = { fromMs: warmupMs, confidence: thresholds.confidence, autocorrelated: thresholds.trendAutocorrelation };
  const trend = (series: TimeSeries, unit: string, yScale = 1): Trend | null => fitTrend(series.tMs, series.values, { ...base, unit, yScale });

  const edges = analyzeEdges(data, turns);
  const cdpHeap = data.cdp.heapUsedBytes;
  const pageHeap = data.pageMemory.usedBytes;
  const source = cdpHeap.tMs.length ? 'cdp' : pageHeap.tMs.length ? 'page' : null;
  const heapSeries = source === 'cdp' ? cdpHeap : pageHeap;
  const lows = source === null ? null : postGcLows(heapSeries.tMs, heapSeries.values, source === 'cdp' ? data.cdp.afterGc : undefined);
  const fitLows = (l: PostGcLows): Trend | null => fitTrend(l.tMs, l.bytes, { ...base, unit: 'MB/min', yScale: 1 / MIB });
  const heapTrend = lows ? fitLows(lows) : null;
  return {
    data,
    thresholds,
    durationMs,
    warmupMs,
    adaptive,
    fitOptions: base,
    heap: { source, series: heapSeries, lows, trend: heapTrend },
    buffers: memoryTrend(data.memory.backingStorage, fitLows),
    processMemory: memoryTrend(data.memory.rendererRss, fitLows),
    turns,
    edges,
    trends: {
      domNodes: trend(data.cdp.domNodes, 'nodes/min'),
      eventListeners: trend(data.cdp.eventListeners, 'listeners/min'),
      handlerMs: trend(data.handlerMs, 'ms/min'),
      ttfrMs: fitTrend(
        turns.map((t) => t.startMs),
        turns.map((t) => t.ttfrMs),
        { ...base, unit: 'ms/min' },
      ),
      pendingChunks: trend(data.pendingChunks, 'chunks/min'),
      wsBufferedBytes: trend(data.wsBufferedBytes, 'bytes/min'),
      queueSize: trend(data.queueSize, 'messages/min'),
      mouthToEarMs: fitTrend(
        edges.mouthToEar.map(([t]) => t),
        edges.mouthToEar.map(([, v]) => v),
        { ...base, unit: 'ms/min' },
      ),
    },
  };
}
