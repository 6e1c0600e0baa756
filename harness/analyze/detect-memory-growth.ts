/**
 * buffer-growth (ArrayBuffer backing stores: typed arrays, AudioBuffers) and process-memory-growth (the page's
 * renderer RSS): the heap-growth rule on memory the JS heap does not show. Theil-Sen slope of the post-GC lows
 * after warm-up, Mann-Kendall for significance (growth-check.ts): an error when confidently over budget. A harness
 * log whose CDP samples lack the numbers is a no-data warning, never a pass.
 */
import type { AnalysisContext, MemoryTrend } from './analysis-context.ts';
import { noDataCheck, type Check } from './check.ts';
import { growthCheck, trendUnknownCheck } from './growth-check.ts';

export function detectMemoryGrowth(ctx: AnalysisContext): Check[] {
  // Page logs have no CDP samples, and a harness log without any is reported once, as no-data-cdp.
  if (ctx.data.cdp.heapUsedBytes.tMs.length === 0) return [];
  const { thresholds } = ctx;
  return [
    judge(ctx, ctx.buffers, {
      id: 'buffer-growth',
      title: 'ArrayBuffer memory keeps growing',
      budget: thresholds.bufferSlopeMbPerMin,
      what: 'post-GC ArrayBuffer backing stores',
      missing: [
        'no-data-buffers',
        'No ArrayBuffer sizes',
        'the CDP samples carry no ArrayBuffer backing-store sizes (Runtime.getHeapUsage): buffer-growth not judged',
      ],
    }),
    judge(ctx, ctx.processMemory, {
      id: 'process-memory-growth',
      title: 'Renderer memory keeps growing',
      budget: thresholds.processMemorySlopeMbPerMin,
      what: 'renderer RSS at post-GC samples',
      missing: [
        'no-data-process-memory',
        'No renderer RSS',
        "the CDP samples carry no renderer RSS (the page's renderer pid was not found, or not Linux: see the harness notes): process-memory-growth not judged",
      ],
    }),
  ];
}

interface Judged {
  id: string;
  title: string;
  budget: number;
  what: string;
  missing: [id: string, title: string, message: string];
}

function judge(ctx: AnalysisContext, memory: MemoryTrend, spec: Judged): Check {
  if (!memory.lows) return noDataCheck(spec.missing[0], 'warn', spec.missing[1], spec.missing[2]);
  if (!memory.trend)
    return trendUnknownCheck(
      spec.id,
      spec.title,
      spec.budget,
      `too few post-GC samples after warm-up (${memory.lows.tMs.filter((t) => t >= ctx.warmupMs).length})`,
    );
  const fitted = `Theil-Sen slope of ${spec.what}${memory.lows.method === 'window-minima' ? ' (window minima)' : ''}`;
  return growthCheck({ id: spec.id, title: spec.title, trend: memory.trend, budgetPerMin: spec.budget, confidence: ctx.thresholds.confidence, fitted });
}
