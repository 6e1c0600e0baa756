/**
 * ttfr-growth: Theil-Sen slope of the time to first response over turns after warm-up. No turns: no assertion
 * (slow-first-response reports no-data-turns).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import type { Check } from '../judge/check.ts';
import { growthCheck, trendUnknownCheck } from '../judge/growth-check.ts';
import type { Audit } from './audit.ts';

export const ttfrGrowthAudit: Audit = {
  id: 'ttfr-growth',
  title: 'Replies keep their speed',
  failureTitle: 'Replies get slower',
  requires: ['turns'],
  recommendation:
    'Replies get slower as the conversation grows: look for per-turn state that accumulates (history, buffers) and consider automatic reconnection after extended conversations.',
  judge: judgeTtfrGrowth,
};

function judgeTtfrGrowth(ctx: AnalysisContext): Check | null {
  const { turns, thresholds } = ctx;
  if (turns.length === 0) return null;
  const trend = ctx.trends.ttfrMs;
  return trend
    ? growthCheck({
        id: 'ttfr-growth',
        title: 'Replies get slower',
        trend,
        budgetPerMin: thresholds.ttfrSlopeMsPerMin,
        confidence: thresholds.confidence,
        fitted: 'Theil-Sen slope of time to first response per turn',
        level: 'warn',
      })
    : trendUnknownCheck(
        'ttfr-growth',
        'Reply latency trend unknown',
        thresholds.ttfrSlopeMsPerMin,
        `too few turns after warm-up (${turns.filter((t) => t.startMs >= ctx.warmupMs).length})`,
        'ms/min',
      );
}
