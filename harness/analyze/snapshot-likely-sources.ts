/**
 * "Likely sources" from the heap snapshot diff (SOAK_HEAP_SNAPSHOTS=1), added after the sampling profile's sites on
 * every memory finding: the growing constructors a program holds (internal "(...)" and "system /" groups left
 * out), the detached DOM node count, the growing collections reachable from window, and the retainer path of the
 * top growing constructor, as memlab prints it. The recommendation names the constructor and its path. Pure.
 */
import type { HeapConstructorGrowth, HeapSnapshotDiffRecord } from '../log/heap-snapshot-diff-schema.ts';
import { INTERNAL_HEAP_CLASS as INTERNAL_CLASS } from '../log/internal-heap-class.ts';
import type { Issue } from './report/report-schema.ts';
import { formatNumber } from './judge/format-number.ts';
import { MEMORY_ISSUE_IDS } from './likely-sources.ts';

const MAX_CONSTRUCTORS = 3;
const MAX_COLLECTIONS = 2;

function bytesDelta(delta: number): string {
  const sign = delta < 0 ? '-' : '+';
  const abs = Math.abs(delta);
  return abs >= 1024 * 1024 ? `${sign}${formatNumber(abs / (1024 * 1024))} MB` : `${sign}${formatNumber(abs / 1024)} KB`;
}

const grownBy = (c: HeapConstructorGrowth) => `${c.countBefore} -> ${c.countAfter} instances, ${bytesDelta(c.selfBytesAfter - c.selfBytesBefore)} self size`;

export function snapshotSourceLines(diff: HeapSnapshotDiffRecord): string[] {
  const [first, last] = diff.snapshots;
  const between = `heap snapshots at ${Math.round(first.tMs / 1000)} s and ${Math.round(last.tMs / 1000)} s`;
  const lines = diff.constructors
    .filter((c) => !INTERNAL_CLASS.test(c.name) && c.countAfter > c.countBefore)
    .slice(0, MAX_CONSTRUCTORS)
    .map((c) => `growing constructor ${c.name}: ${grownBy(c)} (${between})`);
  lines.push(`detached DOM nodes: ${first.detachedNodes} -> ${last.detachedNodes} (${between})`);
  for (const c of diff.collections.slice(0, MAX_COLLECTIONS)) {
    lines.push(
      `growing collection ${c.path} (${c.kind}): ${c.entriesBefore} -> ${c.entriesAfter} object entries, ${bytesDelta(c.bytesAfter - c.bytesBefore)} storage`,
    );
  }
  if (diff.retainer)
    lines.push(`retainer path of ${diff.retainer.sharedBy} of ${diff.retainer.of} new ${diff.retainer.constructor}: ${diff.retainer.path.join(' -> ')}`);
  return lines;
}

export function attachSnapshotSources(issues: readonly Issue[], diff: HeapSnapshotDiffRecord | null): Issue[] {
  if (!diff) return [...issues];
  const lines = snapshotSourceLines(diff);
  const top = diff.retainer ? diff.constructors.find((c) => c.name === diff.retainer!.constructor) : undefined;
  return issues.map((issue) => {
    if (!MEMORY_ISSUE_IDS.has(issue.id)) return issue;
    const named = top && diff.retainer ? ` The heap snapshots point at ${top.name} (${grownBy(top)}), held by ${diff.retainer.path.join(' -> ')}.` : '';
    return { ...issue, likelySources: [...(issue.likelySources ?? []), ...lines], recommendation: `${issue.recommendation}${named}` };
  });
}
