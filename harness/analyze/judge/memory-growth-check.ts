/**
 * The heap-growth rule on memory the JS heap does not show (buffer-growth, process-memory-growth): Theil-Sen slope
 * of the post-GC lows after warm-up, Mann-Kendall for significance (growth-check.ts). Samples that lack the numbers
 * are a no-data warning, never a pass.
 */
import type { AnalysisContext, MemoryTrend } from './analysis-context.ts';
import { noDataCheck, type Check } from './check.ts';
import { growthCheck, trendUnknownCheck } from './growth-check.ts';

export interface MemoryGrowthSpec {
  id: string;
  title: string;
  budget: number;
  what: string;
  missing: [id: string, title: string, message: string];
  /** See GrowthCheckInput.errorNeedsSpanMs. */
  errorNeedsSpanMs?: number;
  shortSpanNote?: string;
}

export function memoryGrowthCheck(ctx: AnalysisContext, memory: MemoryTrend, spec: MemoryGrowthSpec): Check {
  if (!memory.lows) return noDataCheck(spec.missing[0], 'warn', spec.missing[1], spec.missing[2]);
  if (!memory.trend)
    return trendUnknownCheck(
      spec.id,
      spec.title,
      spec.budget,
      `too few post-GC samples after warm-up (${memory.lows.tMs.filter((t) => t >= ctx.warmupMs).length})`,
      'MB/min', // the post-GC lows are fitted in MB/min (analysis-context.ts)
    );
  const fitted = `Theil-Sen slope of ${spec.what}${memory.lows.method === 'window-minima' ? ' (window minima)' : ''}`;
  return growthCheck({
    id: spec.id,
    title: spec.title,
    trend: memory.trend,
    budgetPerMin: spec.budget,
    confidence: ctx.thresholds.confidence,
    fitted,
    errorNeedsSpanMs: spec.errorNeedsSpanMs,
    shortSpanNote: spec.shortSpanNote,
  });
}
