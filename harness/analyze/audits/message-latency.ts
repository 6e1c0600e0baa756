/**
 * message-latency: with adaptive thresholds, the recent median handler time against baseline x factor. No handler times
 * or no adaptive budget: no assertion.
 */
import { median } from '../stats/quantile-sorted.ts';
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import { endWindowFromMs, valuesBetween } from '../judge/series-window.ts';
import type { Audit } from './audit.ts';

export const messageLatencyAudit: Audit = {
  id: 'message-latency',
  title: 'Message handler time within the adaptive budget',
  failureTitle: 'Message handler time above the adaptive budget',
  requires: ['monitor'],
  recommendation: 'Message handler time is above the adaptive budget (baseline x factor): profile the handler late in the run against the warm-up.',
  judge: judgeMessageLatency,
};

function judgeMessageLatency(ctx: AnalysisContext): Check | null {
  const { data } = ctx;
  if (data.handlerMs.tMs.length === 0) return null;
  const budget = ctx.adaptive?.messageHandlerMedianMs;
  if (!ctx.adaptive || budget === null || budget === undefined) return null;
  const recent = median(valuesBetween(data.handlerMs, endWindowFromMs(ctx.durationMs)));
  const passed = recent === null || recent <= budget;
  return makeCheck({
    id: 'message-latency',
    level: 'warn',
    title: 'Message handler time above the adaptive budget',
    expected: budget,
    actual: recent,
    operator: '<=',
    unit: 'ms',
    passed,
    message: `message-latency: recent median handler time ${formatNumber(recent)} ms ${passed ? '<=' : '>'} ${formatNumber(budget)} ms (${ctx.adaptive.factor} x ${formatNumber(ctx.adaptive.baseline.messageHandlerMedianMs)} ms, ${ctx.adaptive.baseline.source})`,
    evidence: { recentMedianMs: recent, baselineMedianMs: ctx.adaptive.baseline.messageHandlerMedianMs, factor: ctx.adaptive.factor },
  });
}
