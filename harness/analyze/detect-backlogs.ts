/**
 * Levels that must drain: audio-backlog (chunks pending playback), ws-backpressure (WebSocket bufferedAmount) and
 * event-queue-growth (messages waiting). Each is judged, in order, on:
 *  1. the level at the end of the run (median of the closing window) over the budget -> error;
 *  2. growth: a significant Theil-Sen slope over budget/60 per minute (would reach the budget within an hour);
 *  3. the p95 level after warm-up over the budget -> warn.
 * A budget of the level itself is never judged on one sample.
 */
import type { Trend } from './report/report-schema.ts';
import { median, quantile } from './stats/quantile-sorted.ts';
import type { AnalysisContext } from './analysis-context.ts';
import { makeCheck, type Check } from './check.ts';
import type { TimeSeries } from './collected-data.ts';
import { formatNumber } from './format-number.ts';
import { growthCheck } from './growth-check.ts';
import { noDataWsCheck } from './no-data-ws.ts';
import { unansweredSends } from './unanswered-sends.ts';
import { endWindowFromMs, valuesBetween } from './series-window.ts';

/** Growth budget of a level = its budget per this many minutes. */
export const BACKLOG_GROWTH_HORIZON_MIN = 60;

interface LevelSpec {
  id: string;
  title: string;
  series: TimeSeries;
  trend: Trend | null;
  budget: number;
  unit: string;
  what: string;
  extraEvidence?: Record<string, number>;
}

export function detectBacklogs(ctx: AnalysisContext): Check[] {
  const { data, thresholds, trends } = ctx;
  const checks: Check[] = [];
  const cleanups = data.safeguards['audio-chunk-cleanup']?.count ?? 0;
  if (data.pendingChunks.tMs.length) {
    checks.push(
      levelCheck(ctx, {
        id: 'audio-backlog',
        title: 'Audio chunks accumulate',
        series: data.pendingChunks,
        trend: trends.pendingChunks,
        budget: thresholds.maxPendingAudioChunks,
        unit: 'chunks',
        what: 'audio chunks pending playback',
        extraEvidence: { cleanups },
      }),
    );
  }
  if (data.wsBufferedBytes.tMs.length) {
    const level = levelCheck(ctx, {
      id: 'ws-backpressure',
      title: 'WebSocket send buffer grows',
      series: data.wsBufferedBytes,
      trend: trends.wsBufferedBytes,
      budget: thresholds.maxWsBufferedBytes,
      unit: 'bytes',
      what: 'WebSocket bufferedAmount',
    });
    // Unanswered sends are always error-level: they win over a passed or merely warned send-buffer check.
    const unanswered = unansweredCheck(ctx);
    checks.push(unanswered && (level.assertion.passed || level.assertion.level === 'warn') ? unanswered : level);
  } else {
    checks.push(noDataWsCheck(ctx));
  }
  if (data.queueSize.tMs.length) {
    checks.push(
      levelCheck(ctx, {
        id: 'event-queue-growth',
        title: 'Event queue grows',
        series: data.queueSize,
        trend: trends.queueSize,
        budget: thresholds.maxEventQueueSize,
        unit: 'messages',
        what: 'event queue size',
      }),
    );
  }
  return checks;
}

/** ws-backpressure from the other side: an open socket still sending, with nothing back for longer than the response timeout. */
function unansweredCheck(ctx: AnalysisContext): Check | null {
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
    passed: false,
    message: `ws-backpressure: ${formatNumber(worst.bytes)} bytes > ${formatNumber(thresholds.maxWsBufferedBytes)} bytes sent on ${worst.socketId} with no message back for ${formatNumber(worst.silentMs / 1000)} s at the end of the run, though the user spoke (the server is not reading, or not answering)`,
    evidence: { unansweredBytes: worst.bytes, silentMs: worst.silentMs, budget: thresholds.maxWsBufferedBytes },
    window: { fromMs: worst.sinceMs, toMs: worst.sinceMs + worst.silentMs },
  });
}

function levelCheck(ctx: AnalysisContext, spec: LevelSpec): Check {
  const endFromMs = endWindowFromMs(ctx.durationMs);
  const endMedian = median(valuesBetween(spec.series, endFromMs)) ?? spec.series.values[spec.series.values.length - 1]!;
  const p95 = quantile(valuesBetween(spec.series, ctx.warmupMs), 0.95) ?? endMedian;
  const evidence = { endMedian, p95, budget: spec.budget, ...spec.extraEvidence };
  const base = { id: spec.id, title: spec.title, expected: spec.budget, operator: '<=' as const, evidence };
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
