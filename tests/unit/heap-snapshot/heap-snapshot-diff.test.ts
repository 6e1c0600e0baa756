/**
 * The diff of two hand-built snapshots of a leaking page (Float32Arrays kept in window.kept, removed spans kept in
 * window.history): growing constructors by self size, detached DOM nodes, growing collections reachable from
 * window, and the retainer path shared by most new instances, printed as memlab prints it (weak edges skipped).
 */
import { test, expect } from '@playwright/test';
import { growingCollections, growingConstructors, snapshotRetainer } from '../../../harness/collect/heap-snapshot-diff.ts';
import { createHeapSnapshotGraph } from '../../../harness/collect/heap-snapshot-graph.ts';
import { createHeapSnapshotParser } from '../../../harness/collect/heap-snapshot-parser.ts';
import { buildRetainerTree } from '../../../harness/collect/heap-snapshot-retainer-path.ts';
import { summarizeHeapSnapshot } from '../../../harness/collect/heap-snapshot-summary.ts';
import { buildSnapshot, leakingPage, type FixtureNode } from './snapshot-fixture.ts';

function graphOf(nodes: FixtureNode[]) {
  const parser = createHeapSnapshotParser();
  parser.write(JSON.stringify(buildSnapshot(nodes)));
  return createHeapSnapshotGraph(parser.end());
}

const before = graphOf(leakingPage(10, 2));
const after = graphOf(leakingPage(30, 6));
const [early, late] = [summarizeHeapSnapshot(before), summarizeHeapSnapshot(after)];

test('growing constructors by self size, with their counts', () => {
  const grown = growingConstructors(early, late);
  expect(grown.map((c) => c.name)).toEqual(['Float32Array', 'Detached <span>', '(array)', 'Array']);
  expect(grown[0]).toEqual({ name: 'Float32Array', countBefore: 11, countAfter: 31, selfBytesBefore: 11 * 64, selfBytesAfter: 31 * 64 });
  expect(early.detachedNodes).toBe(2);
  expect(late.detachedNodes).toBe(6);
});

test("collections reachable from window that grew, by storage growth; the harness's own globals left out", () => {
  expect(growingCollections(early, late)).toEqual([
    { path: 'Window.cache', kind: 'Map', entriesBefore: 10, entriesAfter: 30, bytesBefore: 20 + 40 + 80, bytesAfter: 20 + 40 + 240 },
    { path: 'Window.kept', kind: 'Array', entriesBefore: 10, entriesAfter: 30, bytesBefore: 16 + 56, bytesAfter: 16 + 136 },
    { path: 'Window.history', kind: 'Array', entriesBefore: 2, entriesAfter: 6, bytesBefore: 16, bytesAfter: 16 },
  ]);
});

test('the retainer path most new instances share, for the newest of them', () => {
  const grown = growingConstructors(early, late).filter((c) => c.name === 'Float32Array');
  const retainer = snapshotRetainer(after, grown, early.maxNodeId);
  // 20 new chunks share window.kept's path; the mic's newer `current` buffer is not the leak.
  expect(retainer).toEqual({
    constructor: 'Float32Array',
    path: ['Window', 'kept (property)', 'Array', '[29] (element)', 'Float32Array'],
    sharedBy: 20,
    of: 21,
  });
});

test('a detached node is named Detached and retained through its array', () => {
  const grown = growingConstructors(early, late).filter((c) => c.name.startsWith('Detached'));
  const retainer = snapshotRetainer(after, grown, early.maxNodeId);
  expect(retainer).toMatchObject({ constructor: 'Detached <span>', sharedBy: 4, of: 4 });
  expect(retainer?.path.join(' -> ')).toBe('Window -> history (property) -> Array -> [5] (element) -> Detached <span>');
});

test('weak edges keep nothing: an object held only weakly has no retainer path', () => {
  const nodes = leakingPage(1, 0);
  nodes[2]!.edges = nodes[2]!.edges!.filter((e) => e.type === 'weak');
  const graph = graphOf(nodes);
  const tree = buildRetainerTree(graph);
  expect(tree.path(3)).toBeNull();
});

test('an object not reachable from window gets its path from the GC roots', () => {
  const nodes = leakingPage(1, 0);
  nodes[2]!.edges = [];
  nodes[1]!.edges = [{ type: 'element', name: 4, to: 3 }];
  const tree = buildRetainerTree(graphOf(nodes));
  expect(tree.path(3)?.join(' -> ')).toBe(' -> [1] (element) -> (GC roots) -> [4] (element) -> Array');
});
