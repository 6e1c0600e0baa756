/**
 * memory-limit: the seed's 500 MB warning, judged on post-GC lows and the p95, never on one sample. It counts all of the
 * page's memory when the samples have it: JS heap + ArrayBuffer backing stores + embedder heap (audio buffers live
 * outside the JS heap); not the renderer's RSS, which also holds the browser's own code and caches. No heap data: no
 * assertion (heap-growth reports it).
 */
import { median, quantile } from '../stats/quantile-sorted.ts';
import { postGcLows } from '../stats/post-gc-lows.ts';
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { makeCheck, type Check } from '../judge/check.ts';
import { formatMb } from '../judge/format-number.ts';
import { valuesBetween } from '../judge/series-window.ts';
import type { Audit } from './audit.ts';

export const memoryLimitAudit: Audit = {
  id: 'memory-limit',
  title: 'Heap under the memory limit',
  failureTitle: 'Heap over the memory limit',
  requires: ['cdp'],
  recommendation:
    'Heap is over the memory warning threshold: check for retained references and implement cleanup; consider reconnecting (resetting state) after extended conversations.',
  judge: judgeMemoryLimit,
};

function judgeMemoryLimit(ctx: AnalysisContext): Check | null {
  const { heap, thresholds, warmupMs } = ctx;
  if (heap.source === null) return null;
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
  const base = { id: 'memory-limit', title: 'Heap over the memory limit', expected: limit, operator: '<=' as const, unit: 'bytes', evidence };
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
