/**
 * latency-growth: Theil-Sen slope of message handler time after warm-up. No handler times: no-data-monitor.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import type { Check } from '../judge/check.ts';
import { growthCheck, trendUnknownCheck } from '../judge/growth-check.ts';
import { noDataMonitorCheck } from '../judge/no-data-monitor.ts';
import type { Audit } from './audit.ts';

export const latencyGrowthAudit: Audit = {
  id: 'latency-growth',
  title: 'Message handling keeps its speed',
  failureTitle: 'Message handling gets slower',
  requires: ['monitor'],
  recommendation:
    'Increasing message latencies: log warnings when latencies exceed thresholds and consider implementing automatic reconnection after extended conversations; profile the message handler for work that grows with conversation length.',
  noData: {
    'no-data-monitor': 'Install the in-page Performance Monitor so message handler times, event queue size and audio chunk counts are recorded.',
  },
  judge: judgeLatencyGrowth,
};

function judgeLatencyGrowth(ctx: AnalysisContext): Check | null {
  const { data, thresholds } = ctx;
  if (data.handlerMs.tMs.length === 0) return noDataMonitorCheck(ctx);
  const trend = ctx.trends.handlerMs;
  return trend
    ? growthCheck({
        id: 'latency-growth',
        title: 'Message handling gets slower',
        trend,
        budgetPerMin: thresholds.messageLatencySlopeMsPerMin,
        confidence: thresholds.confidence,
        fitted: 'Theil-Sen slope of message handler time',
        level: 'warn',
      })
    : trendUnknownCheck('latency-growth', 'Message latency trend unknown', thresholds.messageLatencySlopeMsPerMin, 'too few messages after warm-up', 'ms/min');
}
