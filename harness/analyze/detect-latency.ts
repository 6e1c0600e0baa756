/**
 * Message handler time: latency-growth (Theil-Sen slope after warm-up), slow-event-processing (the seed's 5 s
 * event processing timeout, from handler times, long tasks and the page's safeguard), and with adaptive thresholds
 * message-latency (recent median handler time against baseline x factor).
 */
import { median } from './stats/quantile-sorted.ts';
import type { AnalysisContext } from './analysis-context.ts';
import { makeCheck, type Check } from './check.ts';
import { formatNumber } from './format-number.ts';
import { growthCheck, trendUnknownCheck } from './growth-check.ts';
import { noDataMonitorCheck } from './no-data-monitor.ts';
import { endWindowFromMs, valuesBetween } from './series-window.ts';

export function detectLatency(ctx: AnalysisContext): Check[] {
  const { data, thresholds } = ctx;
  if (data.handlerMs.tMs.length === 0) {
    return [noDataMonitorCheck(ctx), slowEventCheck(ctx)];
  }
  const trend = ctx.trends.handlerMs;
  const checks: Check[] = [
    trend
      ? growthCheck({
          id: 'latency-growth',
          title: 'Message handling gets slower',
          trend,
          budgetPerMin: thresholds.messageLatencySlopeMsPerMin,
          confidence: thresholds.confidence,
          fitted: 'Theil-Sen slope of message handler time',
          level: 'warn',
        })
      : trendUnknownCheck('latency-growth', 'Message latency trend unknown', thresholds.messageLatencySlopeMsPerMin, 'too few messages after warm-up'),
    slowEventCheck(ctx),
  ];
  const budget = ctx.adaptive?.messageHandlerMedianMs;
  if (ctx.adaptive && budget !== null && budget !== undefined) {
    const recent = median(valuesBetween(data.handlerMs, endWindowFromMs(ctx.durationMs)));
    const passed = recent === null || recent <= budget;
    checks.push(
      makeCheck({
        id: 'message-latency',
        level: 'warn',
        title: 'Message handler time above the adaptive budget',
        expected: budget,
        actual: recent,
        operator: '<=',
        passed,
        message: `message-latency: recent median handler time ${formatNumber(recent)} ms ${passed ? '<=' : '>'} ${formatNumber(budget)} ms (${ctx.adaptive.factor} x ${formatNumber(ctx.adaptive.baseline.messageHandlerMedianMs)} ms, ${ctx.adaptive.baseline.source})`,
        evidence: { recentMedianMs: recent, baselineMedianMs: ctx.adaptive.baseline.messageHandlerMedianMs, factor: ctx.adaptive.factor },
      }),
    );
  }
  return checks;
}

function slowEventCheck(ctx: AnalysisContext): Check {
  const { data, thresholds } = ctx;
  const safeguard = data.safeguards['event-processing-timeout']?.count ?? 0;
  const count = Math.max(data.slowHandlers.count + data.longTasks.overTimeout, safeguard);
  const longest = Math.max(data.slowHandlers.maxMs ?? 0, data.longTasks.maxMs ?? 0);
  const passed = count === 0;
  return makeCheck({
    id: 'slow-event-processing',
    level: 'error',
    title: 'Event processing over the timeout',
    expected: 0,
    actual: count,
    operator: '<=',
    passed,
    message: passed
      ? `slow-event-processing: no message or task over ${formatNumber(thresholds.eventProcessingTimeoutMs)} ms (longest ${formatNumber(longest)} ms)`
      : `slow-event-processing: ${count} message(s) or task(s) over the ${formatNumber(thresholds.eventProcessingTimeoutMs)} ms event processing timeout (longest ${formatNumber(longest)} ms)`,
    evidence: { slowMessages: data.slowHandlers.count, longTasksOverTimeout: data.longTasks.overTimeout, safeguardTimeouts: safeguard, longestMs: longest },
    window: data.slowHandlers.firstAtMs === null ? null : { fromMs: data.slowHandlers.firstAtMs, toMs: data.slowHandlers.firstAtMs },
  });
}
