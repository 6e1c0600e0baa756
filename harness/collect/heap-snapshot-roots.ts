/**
 * The page's global objects in a heap snapshot: the `Window [JSGlobalObject]` nodes (one per world: the page's and
 * any isolated world an extension or DevTools made), where "reachable from window" starts. Falls back to the
 * snapshot's synthetic root (node 0) when no window is named, as in a worker or a hand-built snapshot.
 */
import type { HeapSnapshotGraph } from './heap-snapshot-graph.ts';

export function globalObjectNodes(graph: HeapSnapshotGraph): number[] {
  const found: number[] = [];
  for (let node = 0; node < graph.nodeCount; node++) {
    if (graph.nodeType(node) === 'object' && /^Window\b.*\[JSGlobalObject\]/.test(graph.nodeName(node))) found.push(node);
  }
  return found.length ? found : [0];
}
