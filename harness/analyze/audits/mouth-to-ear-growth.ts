/**
 * mouth-to-ear-growth: the trend of mouth-to-ear latency over the conversation (Theil-Sen over the answered turns
 * after warm-up, Mann-Kendall for significance; the growth rule every trend budget uses).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import type { Check } from '../judge/check.ts';
import { growthCheck, trendUnknownCheck } from '../judge/growth-check.ts';
import type { Audit } from './audit.ts';

export const mouthToEarGrowthAudit: Audit = {
  id: 'mouth-to-ear-growth',
  title: 'Mouth-to-ear latency stays flat',
  failureTitle: 'Mouth-to-ear latency grows over the conversation',
  requires: ['harness'],
  recommendation:
    'What callers wait for grows with the conversation: if the protocol TTFR grows too, look at the server and the context it carries; if only mouth-to-ear grows, the app falls behind in playback (a queue that never drains, scheduling against a drifting clock, main-thread stalls).',
  judge: judgeMouthToEarGrowth,
};

function judgeMouthToEarGrowth(ctx: AnalysisContext): Check | null {
  const { edges, thresholds } = ctx;
  if (edges.mouthToEar.length === 0) return null;
  const title = 'Mouth-to-ear latency grows over the conversation';
  const trend = ctx.trends.mouthToEarMs;
  if (!trend) {
    const after = edges.mouthToEar.filter(([t]) => t >= ctx.warmupMs).length;
    return trendUnknownCheck('mouth-to-ear-growth', title, thresholds.mouthToEarSlopeMsPerMin, `too few answered turns after warm-up (${after})`, 'ms/min');
  }
  return growthCheck({
    id: 'mouth-to-ear-growth',
    title,
    trend,
    budgetPerMin: thresholds.mouthToEarSlopeMsPerMin,
    confidence: thresholds.confidence,
    fitted: 'Theil-Sen slope of mouth-to-ear latency per turn',
  });
}
