/**
 * buffer-growth: ArrayBuffer backing stores (typed arrays, AudioBuffers), by the heap-growth rule (memory-growth-check.ts).
 * Page logs and harness logs without CDP samples get no assertion (no-data-cdp is reported once, by heap-growth).
 */
import type { AnalysisContext } from '../judge/analysis-context.ts';
import { DEFAULT_RECOMMENDATION, type Check } from '../judge/check.ts';
import { memoryGrowthCheck } from '../judge/memory-growth-check.ts';
import type { Audit } from './audit.ts';

export const bufferGrowthAudit: Audit = {
  id: 'buffer-growth',
  title: 'ArrayBuffer memory within budget',
  failureTitle: 'ArrayBuffer memory keeps growing',
  requires: ['cdp'],
  recommendation:
    'Audio data is being kept: decoded chunks (Float32Array), AudioBuffers or Blobs that are never released. Drop played chunks and buffers (clear arrays and queues, revoke object URLs) once they have been played.',
  noData: {
    'no-data-buffers': DEFAULT_RECOMMENDATION,
  },
  judge: judgeBufferGrowth,
};

function judgeBufferGrowth(ctx: AnalysisContext): Check | null {
  if (ctx.data.cdp.heapUsedBytes.tMs.length === 0) return null;
  return memoryGrowthCheck(ctx, ctx.buffers, {
    id: 'buffer-growth',
    title: 'ArrayBuffer memory keeps growing',
    budget: ctx.thresholds.bufferSlopeMbPerMin,
    what: 'post-GC ArrayBuffer backing stores',
    missing: [
      'no-data-buffers',
      'No ArrayBuffer sizes',
      'the CDP samples carry no ArrayBuffer backing-store sizes (Runtime.getHeapUsage): buffer-growth not judged',
    ],
  });
}
