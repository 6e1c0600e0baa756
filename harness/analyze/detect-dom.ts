/** dom-growth and listener-growth: Theil-Sen slopes of CDP DOM node and event listener counts after warm-up. */
import type { Trend } from './report/report-schema.ts';
import type { AnalysisContext } from './analysis-context.ts';
import { noDataCheck, type Check } from './check.ts';
import { growthCheck, trendUnknownCheck } from './growth-check.ts';

export function detectDom(ctx: AnalysisContext): Check[] {
  if (ctx.data.cdp.domNodes.tMs.length === 0) {
    // A harness log without CDP samples is already reported as no-data-cdp by the heap detector.
    if (ctx.data.header.source !== 'page') return [];
    return [
      noDataCheck(
        'no-data-dom',
        'warn',
        'No DOM counters',
        'a page log has no DOM node or listener counts (CDP only): dom-growth and listener-growth not judged',
      ),
    ];
  }
  const { thresholds } = ctx;
  const one = (id: string, title: string, trend: Trend | null, budget: number, what: string): Check =>
    trend
      ? growthCheck({ id, title, trend, budgetPerMin: budget, confidence: thresholds.confidence, fitted: `Theil-Sen slope of ${what}`, level: 'warn' })
      : trendUnknownCheck(id, title, budget, 'too few samples after warm-up');
  return [
    one('dom-growth', 'DOM keeps growing', ctx.trends.domNodes, thresholds.domNodeSlopePerMin, 'DOM node count'),
    one('listener-growth', 'Event listeners keep growing', ctx.trends.eventListeners, thresholds.listenerSlopePerMin, 'event listener count'),
  ];
}
