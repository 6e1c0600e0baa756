/**
 * Compares two heap snapshot summaries into the body of a `heap-snapshot-diff` record: the classes that grew (by
 * self size; the engine's internal groups, which grow with any allocation, and the classes a program holds are
 * both kept, so a small-object leak is not crowded out), the collections reachable from window that grew, and one
 * retainer path, in the later snapshot, to the newest instance of the top growing class a program holds. Pure;
 * capped as the log schema caps.
 */
import type { HeapCollectionGrowth, HeapConstructorGrowth, HeapSnapshotDiffRecord } from '../log/heap-snapshot-diff-schema.ts';
import { INTERNAL_HEAP_CLASS as INTERNAL_CLASS } from '../log/internal-heap-class.ts';
import type { HeapSnapshotGraph } from './heap-snapshot-graph.ts';
import { buildRetainerTree } from './heap-snapshot-retainer-path.ts';
import type { HeapSnapshotSummary } from './heap-snapshot-summary.ts';

const MAX_PER_KIND = 10;
const MAX_COLLECTIONS = 10;
const MAX_PATH_NODES = 20;

const selfGrowth = (c: HeapConstructorGrowth) => c.selfBytesAfter - c.selfBytesBefore;
const countGrowth = (c: HeapConstructorGrowth) => c.countAfter - c.countBefore;

/** Classes whose count or self size grew, by self-size growth: the top internal ones and the top held ones. */
export function growingConstructors(before: HeapSnapshotSummary, after: HeapSnapshotSummary): HeapConstructorGrowth[] {
  const grown: HeapConstructorGrowth[] = [];
  for (const [name, now] of after.classes) {
    const then = before.classes.get(name) ?? { count: 0, selfBytes: 0 };
    if (now.count <= then.count && now.selfBytes <= then.selfBytes) continue;
    grown.push({ name: name.slice(0, 300), countBefore: then.count, countAfter: now.count, selfBytesAfter: now.selfBytes, selfBytesBefore: then.selfBytes });
  }
  grown.sort((a, b) => selfGrowth(b) - selfGrowth(a) || countGrowth(b) - countGrowth(a));
  const held = grown.filter((c) => !INTERNAL_CLASS.test(c.name)).slice(0, MAX_PER_KIND);
  const internal = grown.filter((c) => INTERNAL_CLASS.test(c.name)).slice(0, MAX_PER_KIND);
  return [...held, ...internal].sort((a, b) => selfGrowth(b) - selfGrowth(a) || countGrowth(b) - countGrowth(a));
}

export function growingCollections(before: HeapSnapshotSummary, after: HeapSnapshotSummary): HeapCollectionGrowth[] {
  const grown: HeapCollectionGrowth[] = [];
  for (const [id, now] of after.collections) {
    const then = before.collections.get(id);
    if (!then || (now.entries <= then.entries && now.bytes <= then.bytes)) continue;
    grown.push({
      path: now.path.slice(0, 500),
      kind: now.kind,
      entriesBefore: then.entries,
      entriesAfter: now.entries,
      bytesBefore: then.bytes,
      bytesAfter: now.bytes,
    });
  }
  const entries = (c: HeapCollectionGrowth) => c.entriesAfter - c.entriesBefore;
  return grown.sort((a, b) => b.bytesAfter - b.bytesBefore - (a.bytesAfter - a.bytesBefore) || entries(b) - entries(a)).slice(0, MAX_COLLECTIONS);
}

/** memlab shortens long paths the same way: the first nodes, an ellipsis, the last ones. */
function capPath(path: string[]): string[] {
  const cut = (s: string) => s.slice(0, 300);
  if (path.length <= MAX_PATH_NODES * 2 + 1) return path.map(cut);
  return [...path.slice(0, MAX_PATH_NODES), '...', ...path.slice(-MAX_PATH_NODES)].map(cut);
}

/** A path with its indexes blanked ("[12] (element)" -> "[] (element)"): the shape shared by a leak's instances. */
const pathShape = (path: string[]) => path.map((step) => step.replace(/^\[?\d+\]? \(/, '# (')).join(' -> ');

/**
 * The retainer path of the top growing class a program holds: over its instances allocated since the first
 * snapshot (ids above `newerThanId`; all of them when none is newer), the path shape most of them share (a leak's
 * instances hang off one collection; a few others, say the mic's current buffer, do not), shown for the newest
 * instance with that shape.
 */
export function snapshotRetainer(
  graph: HeapSnapshotGraph,
  constructors: readonly HeapConstructorGrowth[],
  newerThanId: number,
): HeapSnapshotDiffRecord['retainer'] {
  const top = constructors.find((c) => !INTERNAL_CLASS.test(c.name) && countGrowth(c) > 0);
  if (!top) return undefined;
  const all: Array<{ node: number; id: number }> = [];
  for (let node = 0; node < graph.nodeCount; node++) if (graph.className(node) === top.name) all.push({ node, id: graph.nodeId(node) });
  const newer = all.filter((i) => i.id > newerThanId);
  const instances = (newer.length ? newer : all).sort((a, b) => b.id - a.id);
  const tree = buildRetainerTree(graph);
  const shapes = new Map<string, { path: string[]; count: number }>();
  for (const { node } of instances) {
    const path = tree.path(node);
    if (!path) continue;
    const shape = pathShape(path);
    const group = shapes.get(shape);
    if (group) group.count++;
    else shapes.set(shape, { path, count: 1 });
  }
  const best = [...shapes.values()].sort((a, b) => b.count - a.count)[0];
  if (!best) return undefined;
  return { constructor: top.name, path: capPath(best.path), sharedBy: best.count, of: instances.length };
}
