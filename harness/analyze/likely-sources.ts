/**
 * "Likely sources" for the memory findings: each failed memory issue (heap, backing stores, renderer memory, DOM,
 * listeners, cycles, the memory limit) gets the fastest-growing heap allocation sites above the noise floor, as
 * sentences, and its recommendation names the first one. With a profile but no site above the floor, the finding
 * says so (the growth is outside what the JS heap sampler sees, e.g. backing stores or DOM-only objects); for the
 * off-heap findings (buffer-growth, process-memory-growth) sites beyond the sampling noise but under the fixed floor
 * are named then, marked as the JS-heap part. Pure.
 */
import type { HeapSitesSummary } from './report/heap-sites-report-schema.ts';
import type { Issue } from './report/report-schema.ts';
import { formatBytesPerMin, heapFrameLabel } from './heap-site-text.ts';

export const MEMORY_ISSUE_IDS: ReadonlySet<string> = new Set([
  'heap-growth',
  'memory-limit',
  'buffer-growth',
  'process-memory-growth',
  'dom-growth',
  'listener-growth',
  'cycle-leak',
]);
const MAX_LIKELY_SOURCES = 3;

/** Findings about memory outside the JS heap: a site beyond the sampling noise counts even under the fixed floor. */
const OFF_HEAP_ISSUE_IDS: ReadonlySet<string> = new Set(['buffer-growth', 'process-memory-growth']);
const OFF_HEAP_NOTE = ' (its JS-heap part: ArrayBuffer backing stores are not sampled)';

export function attachLikelySources(issues: readonly Issue[], summary: HeapSitesSummary | null): Issue[] {
  if (!summary) return [...issues];
  const aboveFloor = summary.sites.filter((s) => s.aboveFloor).slice(0, MAX_LIKELY_SOURCES);
  const aboveNoise = summary.sites.filter((s) => s.aboveNoise && !s.aboveFloor).slice(0, MAX_LIKELY_SOURCES);
  return issues.map((issue) => {
    if (!MEMORY_ISSUE_IDS.has(issue.id)) return issue;
    const offHeap = aboveFloor.length === 0 && OFF_HEAP_ISSUE_IDS.has(issue.id) && aboveNoise.length > 0;
    const top = offHeap ? aboveNoise : aboveFloor;
    if (top.length === 0) {
      return {
        ...issue,
        likelySources: [
          `no heap allocation site grew above the noise floor (${formatBytesPerMin(summary.minFloorBytesPerMin)} or 3 sampling errors) over ${summary.checkpoints} heap profile checkpoints`,
        ],
      };
    }
    const first = top[0]!;
    const recommendation = `${issue.recommendation} Start with ${heapFrameLabel(first)}: its live allocations grow ${formatBytesPerMin(first.bytesPerMin)} (sampling heap profile).`;
    return { ...issue, likelySources: top.map((s) => (offHeap ? `${s.text}${OFF_HEAP_NOTE}` : s.text)), recommendation };
  });
}
