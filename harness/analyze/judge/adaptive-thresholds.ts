/**
 * Adaptive thresholds (the seed's "Future Improvements: Adaptive Thresholds"): latency budgets derived from a
 * measured baseline times thresholds.adaptive.factor, instead of fixed numbers. The baseline is the warm-up window
 * of the same run, or an earlier report. Pure.
 */
import type { Report } from '../report/report-schema.ts';
import { median, quantile } from '../stats/quantile-sorted.ts';
import type { Thresholds } from '../../thresholds/thresholds-schema.ts';

/** Fewer measured turns than this in the baseline and the static TTFR budget stays. */
export const MIN_BASELINE_TURNS = 3;

export interface AdaptiveBaseline {
  ttfrP95Ms: number | null;
  /** Median message handler time, ms. */
  messageHandlerMedianMs: number | null;
  /** Where the baseline came from, for messages: "warm-up (first 60 s)" or "baseline report 2024-...". */
  source: string;
}

export interface AdaptiveBudgets {
  baseline: AdaptiveBaseline;
  factor: number;
  /** Budget for p95 time to first response, ms (null: keep the static budget). */
  ttfrP95Ms: number | null;
  /** Budget for the recent median message handler time, ms (null: not judged). */
  messageHandlerMedianMs: number | null;
}

export function baselineFromWarmup(warmupTtfrMs: readonly number[], warmupHandlerMs: readonly number[], warmupMs: number): AdaptiveBaseline {
  return {
    ttfrP95Ms: warmupTtfrMs.length >= MIN_BASELINE_TURNS ? quantile(warmupTtfrMs, 0.95) : null,
    messageHandlerMedianMs: median(warmupHandlerMs),
    source: `warm-up (first ${Math.round(warmupMs / 1000)} s)`,
  };
}

/** A baseline from an earlier run's report: its TTFR p95 and the median of its recent one-minute handler medians. */
export function baselineFromReport(report: Pick<Report, 'metrics' | 'startedAt'>): AdaptiveBaseline {
  return {
    ttfrP95Ms: report.metrics.ttfrP95Ms,
    messageHandlerMedianMs: median(report.metrics.messageLatencyTrendMs),
    source: `baseline report of ${report.startedAt}`,
  };
}

export function adaptiveBudgets(baseline: AdaptiveBaseline, factor: number): AdaptiveBudgets {
  return {
    baseline,
    factor,
    ttfrP95Ms: baseline.ttfrP95Ms === null ? null : baseline.ttfrP95Ms * factor,
    messageHandlerMedianMs: baseline.messageHandlerMedianMs === null ? null : baseline.messageHandlerMedianMs * factor,
  };
}

/** Thresholds with the adaptive TTFR budget in place of the static one (when a baseline exists). */
export function applyAdaptiveBudgets(thresholds: Thresholds, budgets: AdaptiveBudgets): Thresholds {
  return budgets.ttfrP95Ms === null ? thresholds : { ...thresholds, ttfrP95Ms: budgets.ttfrP95Ms };
}
