/**
 * heap-growth (Theil-Sen slope of post-GC heap lows after warm-up) and memory-limit (the seed's 500 MB warning,
 * judged on post-GC lows and the p95, never on one sample). memory-limit counts all of the page's memory when the
 * samples have it: JS heap + ArrayBuffer backing stores + embedder heap (audio buffers live outside the JS heap);
 * not the renderer's RSS, which also holds the browser's own code and caches. Missing heap data is a finding.
 */
import { median, quantile } from './stats/quantile-sorted.ts';
import type { AnalysisContext } from './analysis-context.ts';
import { makeCheck, noDataCheck, type Check } from './check.ts';
import { formatMb } from './format-number.ts';
import { growthCheck, trendUnknownCheck } from './growth-check.ts';
import { valuesBetween } from './series-window.ts';
import { postGcLows } from './stats/post-gc-lows.ts';

export function detectHeap(ctx: AnalysisContext): Check[] {
  const { heap, thresholds } = ctx;
  if (heap.source === null) {
    return ctx.data.header.source === 'page'
      ? [noDataCheck('no-data-heap', 'warn', 'No heap data', 'no memory records in this page log: was performance.memory available?')]
      : [noDataCheck('no-data-cdp', 'error', 'No CDP samples', 'no CDP samples: was the CDP sampler running?')];
  }
  const fitted = `Theil-Sen slope of post-GC heap${heap.lows?.method === 'window-minima' ? ' (window minima)' : ''}${heap.source === 'page' ? ', performance.memory' : ''}`;
  const growth = heap.trend
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
      );
  return [growth, memoryLimitCheck(ctx)];
}

function memoryLimitCheck(ctx: AnalysisContext): Check {
  const { heap, thresholds, warmupMs } = ctx;
  const limit = thresholds.maxHeapBytes;
  const total = ctx.data.memory.pageTotal;
  const all = total.tMs.length > 0;
  const series = all ? total : heap.series;
  const what = all ? 'page memory (JS heap + ArrayBuffers + embedder)' : 'heap';
  const lows = all ? postGcLows(total.tMs, total.values, total.afterGc).bytes : (heap.lows?.bytes ?? []);
  const lastLows = median(lows.slice(-3));
  const p95 = quantile(valuesBetween(series, warmupMs), 0.95) ?? quantile(series.values, 0.95);
  const warnings = ctx.data.safeguards['memory-warning'];
  const evidence = { postGcEndBytes: lastLows, heapP95Bytes: p95, limitBytes: limit, safeguardWarnings: warnings?.count ?? 0 };
  const base = { id: 'memory-limit', title: 'Heap over the memory limit', expected: limit, operator: '<=' as const, evidence };
  if (lastLows !== null && lastLows > limit) {
    return makeCheck({
      ...base,
      level: 'error',
      actual: lastLows,
      passed: false,
      message: `memory-limit: post-GC ${what} ${formatMb(lastLows)} > ${formatMb(limit)} at the end of the run (median of the last 3 post-GC lows)`,
    });
  }
  if (p95 !== null && p95 > limit) {
    return makeCheck({
      ...base,
      level: 'warn',
      actual: p95,
      passed: false,
      message: `memory-limit: ${what} p95 ${formatMb(p95)} > ${formatMb(limit)} (after warm-up)`,
    });
  }
  if (warnings) {
    return makeCheck({
      ...base,
      level: 'warn',
      actual: p95,
      passed: false,
      message: `memory-limit: the page's memory-warning safeguard fired ${warnings.count} time(s), first at ${Math.round(warnings.firstAtMs / 1000)} s`,
    });
  }
  return makeCheck({ ...base, level: 'error', actual: p95, passed: true, message: `memory-limit: ${what} p95 ${formatMb(p95)} <= ${formatMb(limit)}` });
}
