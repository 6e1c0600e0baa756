/**
 * Retainer paths, printed as memlab prints them: `Window -> kept (property) -> Array -> [12] (element) ->
 * Float32Array`. One breadth-first walk builds a shortest-path tree: from the page's global objects first (so the
 * path a person can follow in code wins), then from the snapshot's root (GC roots: handles, the stack, Blink's DOM
 * wrappers) for what the windows do not reach; weak edges are skipped, since they keep nothing alive. The shortest
 * path this gives equals a walk over reverse edges from a node to its nearest root.
 */
import type { HeapSnapshotGraph } from './heap-snapshot-graph.ts';
import { globalObjectNodes } from './heap-snapshot-roots.ts';

const NONE = -1;

export interface RetainerTree {
  /** The path from a root to node as labels (node, edge, node, ...), or null when no root reaches it. */
  path(node: number): string[] | null;
}

export function buildRetainerTree(graph: HeapSnapshotGraph): RetainerTree {
  const via = new Int32Array(graph.nodeCount).fill(NONE);
  const from = new Int32Array(graph.nodeCount).fill(NONE);
  const seen = new Uint8Array(graph.nodeCount);
  const queue = new Int32Array(graph.nodeCount);
  let head = 0;
  let tail = 0;
  const seed = (node: number) => {
    if (seen[node]) return;
    seen[node] = 1;
    queue[tail++] = node;
  };
  const walk = () => {
    while (head < tail) {
      const node = queue[head++]!;
      for (let e = graph.firstEdge[node]!; e < graph.firstEdge[node + 1]!; e++) {
        if (graph.edgeType(e) === 'weak') continue;
        const target = graph.edgeTarget(e);
        if (seen[target]) continue;
        seen[target] = 1;
        via[target] = e;
        from[target] = node;
        queue[tail++] = target;
      }
    }
  };
  for (const node of globalObjectNodes(graph)) seed(node);
  walk();
  seed(0);
  walk();
  return {
    path(node) {
      if (!seen[node]) return null;
      const labels: string[] = [graph.className(node)];
      for (let at = node; via[at] !== NONE; at = from[at]!) labels.push(graph.edgeLabel(via[at]!), graph.className(from[at]!));
      return labels.reverse();
    },
  };
}
