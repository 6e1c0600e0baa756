/**
 * heap-growth: Theil-Sen slope of post-GC heap lows after warm-up (CDP, or performance.memory in a page log). No heap data
 * at all is no-data-cdp (harness log) or no-data-heap (page log), never a pass.
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { noDataCheck, type Check } from '../judge/check.ts';
import { growthCheck, trendUnknownCheck } from '../judge/growth-check.ts';
import type { Audit } from './audit.ts';

export const heapGrowthAudit: Audit = {
  id: 'heap-growth',
  title: 'Heap growth within budget',
  failureTitle: 'Heap keeps growing',
  requires: ['cdp'],
  recommendation:
    'Memory leak pattern: check for retained references (listeners, closures, audio buffers, message logs) and implement cleanup; compare heap snapshots from early and late in the run.',
  noData: {
    'no-data-cdp': 'Run the soak under the harness with the CDP sampler enabled so heap, DOM and listener trends can be judged.',
    'no-data-heap': 'Enable the in-page monitor memory records (Chromium with --enable-precise-memory-info) or run under the harness with CDP sampling.',
  },
  judge: judgeHeapGrowth,
};

function judgeHeapGrowth(ctx: AnalysisContext): Check | null {
  const { heap, thresholds } = ctx;
  if (heap.source === null) {
    return ctx.data.header.source === 'page'
      ? noDataCheck('no-data-heap', 'warn', 'No heap data', 'no memory records in this page log: was performance.memory available?')
      : noDataCheck('no-data-cdp', 'error', 'No CDP samples', 'no CDP samples: was the CDP sampler running?');
  }
  const fitted = `Theil-Sen slope of post-GC heap${heap.lows?.method === 'window-minima' ? ' (window minima)' : ''}${heap.source === 'page' ? ', performance.memory' : ''}`;
  return heap.trend
    ? growthCheck({
        id: 'heap-growth',
        title: 'Heap keeps growing',
        trend: heap.trend,
        budgetPerMin: thresholds.heapSlopeMbPerMin,
        confidence: thresholds.confidence,
        fitted,
      })
    : trendUnknownCheck(
        'heap-growth',
        'Heap trend unknown',
        thresholds.heapSlopeMbPerMin,
        `too few post-GC heap lows after warm-up (${heap.lows?.tMs.length ?? 0})`,
        'MB/min',
      );
}
