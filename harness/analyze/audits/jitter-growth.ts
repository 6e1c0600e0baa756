/**
 * jitter-growth: the reply audio's inbound jitter (getStats) on a WebRTC call. An error when the closing window's
 * median is over the budget (the call ends jittery, as with the rtp-jitter fault), else the Theil-Sen growth after
 * warm-up against its slope budget. Not a WebRTC run, or one without stats (packet-loss reports no-data-webrtc): no assertion.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatNumber } from '../judge/format-number.ts';
import { growthCheck, trendUnknownCheck } from '../judge/growth-check.ts';
import { hasInboundStats } from '../judge/no-data-webrtc.ts';
import { endWindowFromMs, valuesBetween } from '../judge/series-window.ts';
import { median } from '../stats/quantile-sorted.ts';
import { fitTrend } from '../stats/fit-trend.ts';
import type { Audit } from './audit.ts';

export const jitterGrowthAudit: Audit = {
  id: 'jitter-growth',
  title: 'Reply audio arrives evenly',
  failureTitle: 'Reply audio jitter grows',
  requires: ['monitor'],
  recommendation:
    'Jitter on the reply audio: packets arrive unevenly (a congested path, a sender that bursts, a busy event loop on either side). Pace the server side in real time, keep heavy work off the media thread, and check the network between the call ends.',
  judge: judgeJitterGrowth,
};

function judgeJitterGrowth(ctx: AnalysisContext): Check | null {
  // Not a WebRTC run, or one without inbound stats (packet-loss reports that as no-data-webrtc): no assertion.
  if (!hasInboundStats(ctx)) return null;
  const { thresholds } = ctx;
  const series = ctx.data.webrtc.jitterMs;
  const endMedian = median(valuesBetween(series, endWindowFromMs(ctx.durationMs))) ?? series.values[series.values.length - 1]!;
  if (endMedian > thresholds.maxJitterMs)
    return makeCheck({
      id: 'jitter-growth',
      level: 'error',
      title: 'Reply audio is jittery',
      expected: thresholds.maxJitterMs,
      actual: endMedian,
      operator: '<=',
      unit: 'ms',
      passed: false,
      message: `jitter-growth: ${formatNumber(endMedian)} ms > ${formatNumber(thresholds.maxJitterMs)} ms (median inbound audio jitter at the end of the run, getStats)`,
      evidence: { endMedianMs: endMedian, budgetMs: thresholds.maxJitterMs },
      window: { fromMs: endWindowFromMs(ctx.durationMs), toMs: ctx.durationMs },
    });
  const trend = fitTrend(series.tMs, series.values, { ...ctx.fitOptions, unit: 'ms/min' });
  if (!trend)
    return trendUnknownCheck('jitter-growth', 'Jitter trend unknown', thresholds.jitterSlopeMsPerMin, 'too few getStats samples after warm-up', 'ms/min');
  return growthCheck({
    id: 'jitter-growth',
    title: 'Reply audio jitter grows',
    trend,
    budgetPerMin: thresholds.jitterSlopeMsPerMin,
    confidence: thresholds.confidence,
    fitted: 'Theil-Sen slope of inbound audio jitter',
  });
}
