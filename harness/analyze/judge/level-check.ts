/**
 * Levels that must drain (audio-backlog, ws-backpressure, event-queue-growth), each judged, in order, on:
 *  1. the level at the end of the run (median of the closing window) over the budget -> error;
 *  2. growth: a significant Theil-Sen slope over budget/60 per minute (would reach the budget within an hour);
 *  3. the p95 level after warm-up over the budget -> warn.
 * A budget of the level itself is never judged on one sample.
 */
import type { Trend } from '../report/report-schema.ts';
import { median, quantile } from '../stats/quantile-sorted.ts';
import type { AnalysisContext } from './analysis-context.ts';
import { makeCheck, type Check } from './check.ts';
import type { TimeSeries } from './collected-data.ts';
import { formatNumber } from './format-number.ts';
import { growthCheck } from './growth-check.ts';
import { unansweredSends } from './unanswered-sends.ts';
import { endWindowFromMs, valuesBetween } from './series-window.ts';

/** Growth budget of a level = its budget per this many minutes. */
export const BACKLOG_GROWTH_HORIZON_MIN = 60;

export interface LevelSpec {
  id: string;
  title: string;
  series: TimeSeries;
  trend: Trend | null;
  budget: number;
  unit: string;
  what: string;
  extraEvidence?: Record<string, number>;
}

/** ws-backpressure from the other side: an open socket still sending, with nothing back for longer than the response timeout. */
export function unansweredCheck(ctx: AnalysisContext): Check | null {
  const { thresholds } = ctx;
  const worst = unansweredSends(ctx.data, thresholds.responseTimeoutMs);
  if (!worst || worst.bytes <= thresholds.maxWsBufferedBytes) return null;
  return makeCheck({
    id: 'ws-backpressure',
    level: 'error',
    title: 'WebSocket sends go unanswered',
    expected: thresholds.maxWsBufferedBytes,
    actual: worst.bytes,
    operator: '<=',
    unit: 'bytes',
    passed: false,
    message: `ws-backpressure: ${formatNumber(worst.bytes)} bytes > ${formatNumber(thresholds.maxWsBufferedBytes)} bytes sent on ${worst.socketId} with no message back for ${formatNumber(worst.silentMs / 1000)} s at the end of the run, though the user spoke (the server is not reading, or not answering)`,
    evidence: { unansweredBytes: worst.bytes, silentMs: worst.silentMs, budget: thresholds.maxWsBufferedBytes },
    window: { fromMs: worst.sinceMs, toMs: worst.sinceMs + worst.silentMs },
  });
}

export function levelCheck(ctx: AnalysisContext, spec: LevelSpec): Check {
  const endFromMs = endWindowFromMs(ctx.durationMs);
  const endMedian = median(valuesBetween(spec.series, endFromMs)) ?? spec.series.values[spec.series.values.length - 1]!;
  const p95 = quantile(valuesBetween(spec.series, ctx.warmupMs), 0.95) ?? endMedian;
  const evidence = { endMedian, p95, budget: spec.budget, ...spec.extraEvidence };
  const base = { id: spec.id, title: spec.title, expected: spec.budget, operator: '<=' as const, unit: spec.unit, evidence };
  if (endMedian > spec.budget) {
    return makeCheck({
      ...base,
      level: 'error',
      actual: endMedian,
      passed: false,
      window: { fromMs: endFromMs, toMs: ctx.durationMs },
      message: `${spec.id}: ${formatNumber(endMedian)} ${spec.unit} > ${formatNumber(spec.budget)} ${spec.unit} (median ${spec.what} over the last ${Math.round((ctx.durationMs - endFromMs) / 1000)} s)`,
    });
  }
  if (spec.trend) {
    const growth = growthCheck({
      id: spec.id,
      title: spec.title,
      trend: spec.trend,
      budgetPerMin: spec.budget / BACKLOG_GROWTH_HORIZON_MIN,
      confidence: ctx.thresholds.confidence,
      fitted: `Theil-Sen slope of ${spec.what}; reaches the ${formatNumber(spec.budget)} ${spec.unit} budget within ${BACKLOG_GROWTH_HORIZON_MIN} min`,
      level: 'warn',
    });
    if (growth.issue) return { ...growth, issue: { ...growth.issue, evidence: { ...growth.issue.evidence, ...evidence } } };
  }
  if (p95 > spec.budget) {
    return makeCheck({
      ...base,
      level: 'warn',
      actual: p95,
      passed: false,
      window: { fromMs: ctx.warmupMs, toMs: ctx.durationMs },
      message: `${spec.id}: p95 ${formatNumber(p95)} ${spec.unit} > ${formatNumber(spec.budget)} ${spec.unit} (${spec.what} after warm-up)`,
    });
  }
  return makeCheck({
    ...base,
    level: 'error',
    actual: endMedian,
    passed: true,
    message: `${spec.id}: ${formatNumber(endMedian)} ${spec.unit} <= ${formatNumber(spec.budget)} ${spec.unit} at the end (p95 ${formatNumber(p95)}, no growth over budget)`,
  });
}
