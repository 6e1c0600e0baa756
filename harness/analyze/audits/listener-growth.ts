/**
 * listener-growth: Theil-Sen slope of the CDP event listener count after warm-up. No DOM counters: no assertion
 * (dom-growth reports it).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import type { Check } from '../judge/check.ts';
import { counterGrowthCheck } from '../judge/counter-growth-check.ts';
import type { Audit } from './audit.ts';

export const listenerGrowthAudit: Audit = {
  id: 'listener-growth',
  title: 'Event listeners within budget',
  failureTitle: 'Event listeners keep growing',
  requires: ['cdp'],
  recommendation:
    'Event listeners keep growing: remove listeners when their element or turn ends (AbortController signals help) and avoid adding listeners per message.',
  judge: judgeListenerGrowth,
};

function judgeListenerGrowth(ctx: AnalysisContext): Check | null {
  if (ctx.data.cdp.domNodes.tMs.length === 0) return null;
  return counterGrowthCheck(ctx, {
    id: 'listener-growth',
    title: 'Event listeners keep growing',
    trend: ctx.trends.eventListeners,
    budgetPerMin: ctx.thresholds.listenerSlopePerMin,
    what: 'event listener count',
    unitPerMin: 'listeners/min',
  });
}
