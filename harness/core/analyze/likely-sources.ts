/**
 * "Likely sources" for the memory findings: each failed memory issue (heap, backing stores, renderer memory, DOM,
 * listeners, cycles, the memory limit) gets the fastest-growing heap allocation sites above the noise floor, as
 * sentences, and its recommendation names the first one. With a profile but no site above the floor, the finding
 * says so (the growth is outside what the JS heap sampler sees, e.g. backing stores or DOM-only objects). Pure.
 */
import type { HeapSitesSummary } from '../report/heap-sites-report-schema.ts';
import type { Issue } from '../report/report-schema.ts';
import { formatBytesPerMin, heapFrameLabel } from './heap-site-text.ts';

export const MEMORY_ISSUE_IDS: ReadonlySet<string> = new Set([
  'heap-growth', 'memory-limit', 'buffer-growth', 'process-memory-growth', 'dom-growth', 'listener-growth', 'cycle-leak',
]);
const MAX_LIKELY_SOURCES = 3;

export function attachLikelySources(issues: readonly Issue[], summary: HeapSitesSummary | null): Issue[] {
  if (!summary) return [...issues];
  const top = summary.sites.filter((s) => s.aboveFloor).slice(0, MAX_LIKELY_SOURCES);
  return issues.map((issue) => {
    if (!MEMORY_ISSUE_IDS.has(issue.id)) return issue;
    if (top.length === 0) {
      return { ...issue, likelySources: [`no heap allocation site grew above the noise floor (${formatBytesPerMin(summary.minFloorBytesPerMin)} or 3 sampling errors) over ${summary.checkpoints} heap profile checkpoints`] };
    }
    const first = top[0]!;
    const recommendation = `${issue.recommendation} Start with ${heapFrameLabel(first)}: its live allocations grow ${formatBytesPerMin(first.bytesPerMin)} (sampling heap profile).`;
    return { ...issue, likelySources: top.map((s) => s.text), recommendation };
  });
}
