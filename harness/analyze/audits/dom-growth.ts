/**
 * dom-growth: Theil-Sen slope of the CDP DOM node count after warm-up. A page log (no CDP) is no-data-dom; a harness log
 * without CDP samples gets no assertion (heap-growth reports no-data-cdp).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { noDataCheck, type Check } from '../judge/check.ts';
import { counterGrowthCheck } from '../judge/counter-growth-check.ts';
import type { Audit } from './audit.ts';

export const domGrowthAudit: Audit = {
  id: 'dom-growth',
  title: 'DOM size within budget',
  failureTitle: 'DOM keeps growing',
  requires: ['cdp'],
  recommendation:
    'DOM nodes keep growing: remove transcript or message elements that are no longer shown (virtualize long lists) and check for detached nodes kept by references.',
  noData: {
    'no-data-dom': 'DOM node and listener counts come from CDP: run the soak under the harness to judge dom-growth and listener-growth.',
  },
  judge: judgeDomGrowth,
};

function judgeDomGrowth(ctx: AnalysisContext): Check | null {
  if (ctx.data.cdp.domNodes.tMs.length === 0) {
    // A harness log without CDP samples is already reported as no-data-cdp by heap-growth.
    if (ctx.data.header.source !== 'page') return null;
    return noDataCheck(
      'no-data-dom',
      'warn',
      'No DOM counters',
      'a page log has no DOM node or listener counts (CDP only): dom-growth and listener-growth not judged',
    );
  }
  return counterGrowthCheck(ctx, {
    id: 'dom-growth',
    title: 'DOM keeps growing',
    trend: ctx.trends.domNodes,
    budgetPerMin: ctx.thresholds.domNodeSlopePerMin,
    what: 'DOM node count',
    unitPerMin: 'nodes/min',
  });
}
