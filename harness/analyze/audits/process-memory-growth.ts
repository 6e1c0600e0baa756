/**
 * process-memory-growth: the page's renderer RSS, by the heap-growth rule (memory-growth-check.ts). Page logs and harness
 * logs without CDP samples get no assertion (no-data-cdp is reported once, by heap-growth). A trend over less than
 * processMemoryMinTrendMs fails as a warning at most: a fresh renderer's RSS settles for its first minute or two
 * (a clean run measured 15.5 MB/min over minutes 0.2-0.6 on loaded cores, 4.4 over a minute, far less over 7).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { DEFAULT_RECOMMENDATION, type Check } from '../judge/check.ts';
import { memoryGrowthCheck } from '../judge/memory-growth-check.ts';
import type { Audit } from './audit.ts';

export const processMemoryGrowthAudit: Audit = {
  id: 'process-memory-growth',
  title: 'Renderer memory within budget',
  failureTitle: 'Renderer memory keeps growing',
  requires: ['cdp'],
  recommendation:
    "The renderer process keeps growing beyond what the heaps show: look for AudioBuffers, media elements, canvases or WebAssembly memory that are never released; compare the page's memory early and late in the run.",
  noData: {
    'no-data-process-memory': DEFAULT_RECOMMENDATION,
  },
  judge: judgeProcessMemoryGrowth,
};

function judgeProcessMemoryGrowth(ctx: AnalysisContext): Check | null {
  if (ctx.data.cdp.heapUsedBytes.tMs.length === 0) return null;
  return memoryGrowthCheck(ctx, ctx.processMemory, {
    id: 'process-memory-growth',
    title: 'Renderer memory keeps growing',
    budget: ctx.thresholds.processMemorySlopeMbPerMin,
    what: 'renderer RSS at post-GC samples',
    errorNeedsSpanMs: ctx.thresholds.processMemoryMinTrendMs,
    shortSpanNote: `a fresh renderer's RSS settles for its first minutes, so an error needs a trend over at least ${ctx.thresholds.processMemoryMinTrendMs / 60_000} min`,
    missing: [
      'no-data-process-memory',
      'No renderer RSS',
      "the CDP samples carry no renderer RSS (the page's renderer pid was not found, or not Linux: see the harness notes): process-memory-growth not judged",
    ],
  });
}
