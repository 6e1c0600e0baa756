/**
 * What voice-soak keeps of one heap snapshot once it is parsed: per class (DevTools' grouping) the instance count
 * and self size, the detached DOM node count, the collections reachable from window, and totals. Small: the
 * parsed snapshot itself can be dropped after this (the last one is kept a moment longer for the retainer path).
 */
import { collectionsFromWindow, type HeapCollectionState } from './heap-snapshot-collections.ts';
import type { HeapSnapshotGraph } from './heap-snapshot-graph.ts';

export interface HeapClassTally {
  count: number;
  selfBytes: number;
}

export interface HeapSnapshotSummary {
  nodeCount: number;
  edgeCount: number;
  selfBytes: number;
  detachedNodes: number;
  /** The highest object id: a later snapshot's objects above it were allocated after this one. */
  maxNodeId: number;
  classes: Map<string, HeapClassTally>;
  collections: Map<number, HeapCollectionState>;
}

export function summarizeHeapSnapshot(graph: HeapSnapshotGraph): HeapSnapshotSummary {
  const classes = new Map<string, HeapClassTally>();
  let selfBytes = 0;
  let detachedNodes = 0;
  let maxNodeId = 0;
  for (let node = 0; node < graph.nodeCount; node++) {
    const size = graph.selfSize(node);
    const name = graph.className(node);
    const tally = classes.get(name);
    if (tally) {
      tally.count++;
      tally.selfBytes += size;
    } else classes.set(name, { count: 1, selfBytes: size });
    selfBytes += size;
    if (graph.detached(node)) detachedNodes++;
    maxNodeId = Math.max(maxNodeId, graph.nodeId(node));
  }
  return {
    nodeCount: graph.nodeCount,
    edgeCount: graph.snapshot.edgeCount,
    selfBytes,
    detachedNodes,
    maxNodeId,
    classes,
    collections: collectionsFromWindow(graph),
  };
}
