/**
 * The trend rule's significance half on real clean runs: for each series the judge fits (heap, buffer and RSS
 * post-GC lows, DOM nodes, listeners, handler time, TTFR, mouth-to-ear, backlogs), the points it fits (after the
 * warm-up, reduced by bucket medians as fitTrend does), the lag-1 autocorrelation of the detrended points, and
 * whether the plain Mann-Kendall and the autocorrelation-corrected one (the judge's since this check) call a trend
 * at the run's confidence.
 * On a clean run (no fault) the share of "significant" fits should be at most 1 - confidence; real samples are
 * autocorrelated, which the plain test does not allow for. The log is re-collected with the analyzer's own
 * collect step and context, so the points are exactly the judge's.
 */
import { buildAnalysisContext } from '../../harness/analyze/judge/analysis-context.ts';
import { collectRecord, createCollectedData } from '../../harness/analyze/collect-record.ts';
import { mannKendallAutocorrected } from '../../harness/analyze/stats/autocorrelated-mann-kendall.ts';
import { bucketMedians } from '../../harness/analyze/stats/bucket-medians.ts';
import { MAX_TREND_POINTS } from '../../harness/analyze/stats/fit-trend.ts';
import { theilSen } from '../../harness/analyze/stats/theil-sen.ts';
import type { LogHeader, LogRecord } from '../../harness/log/log-schema.ts';
import { mergeThresholds } from '../../harness/thresholds/merge-thresholds.ts';

export interface SeriesDiagnostic {
  series: string;
  points: number;
  /** Theil-Sen slope per minute, in `unit`. */
  slopePerMin: number;
  unit: string;
  lag1: number;
  plainSignificant: boolean;
  correctedSignificant: boolean;
}

const MIN_POINTS = 5;

export function trendDiagnostics(header: LogHeader, records: readonly LogRecord[]): { confidence: number; series: SeriesDiagnostic[] } {
  const thresholds = mergeThresholds(header.thresholds);
  const data = createCollectedData(header, thresholds);
  for (const record of records) collectRecord(data, record);
  const ctx = buildAnalysisContext(data, thresholds);
  const alpha = 1 - ctx.thresholds.confidence;
  const pairs = (tMs: readonly number[], values: readonly number[]) => ({ tMs, values });
  const MIB = 1024 * 1024;
  const mb = (l: { tMs: number[]; bytes: number[] } | null) =>
    l &&
    pairs(
      l.tMs,
      l.bytes.map((b) => b / MIB),
    );
  const candidates: [string, string, { tMs: readonly number[]; values: readonly number[] } | null][] = [
    ['heap post-GC lows', 'MB/min', mb(ctx.heap.lows)],
    ['array-buffer lows', 'MB/min', mb(ctx.buffers.lows)],
    ['renderer RSS lows', 'MB/min', mb(ctx.processMemory.lows)],
    ['DOM nodes', 'nodes/min', ctx.data.cdp.domNodes],
    ['event listeners', 'listeners/min', ctx.data.cdp.eventListeners],
    ['handler time', 'ms/min', ctx.data.handlerMs],
    [
      'TTFR per turn',
      'ms/min',
      pairs(
        ctx.turns.map((t) => t.startMs),
        ctx.turns.map((t) => t.ttfrMs),
      ),
    ],
    [
      'mouth-to-ear',
      'ms/min',
      pairs(
        ctx.edges.mouthToEar.map(([t]) => t),
        ctx.edges.mouthToEar.map(([, v]) => v),
      ),
    ],
    ['pending chunks', 'chunks/min', ctx.data.pendingChunks],
    ['ws buffered bytes', 'bytes/min', ctx.data.wsBufferedBytes],
    ['queue size', 'messages/min', ctx.data.queueSize],
  ];
  const series: SeriesDiagnostic[] = [];
  for (const [name, unit, s] of candidates) {
    if (!s) continue;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < s.tMs.length; i++) {
      if (s.tMs[i]! < ctx.warmupMs) continue;
      xs.push(s.tMs[i]! / 60_000);
      ys.push(s.values[i]!);
    }
    if (xs.length < MIN_POINTS || new Set(ys).size < 2) continue;
    const reduced = bucketMedians(xs, ys, MAX_TREND_POINTS);
    if (reduced.xs[0] === reduced.xs[reduced.xs.length - 1]) continue;
    // Detrended as fitTrend does: the Theil-Sen residuals over time.
    const { slope } = theilSen(reduced.xs, reduced.ys);
    const test = mannKendallAutocorrected(
      reduced.ys,
      reduced.ys.map((y, i) => y - slope * reduced.xs[i]!),
    );
    series.push({
      series: name,
      points: reduced.ys.length,
      slopePerMin: slope,
      unit,
      lag1: test.lag1,
      plainSignificant: test.uncorrectedPValue < alpha,
      correctedSignificant: test.pValue < alpha,
    });
  }
  return { confidence: ctx.thresholds.confidence, series };
}
