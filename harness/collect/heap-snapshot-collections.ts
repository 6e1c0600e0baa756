/**
 * Arrays, Maps and Sets reachable from `window`: a breadth-first walk from the global objects over property and
 * closure-variable edges (window.app.history, a module's `const kept = []` captured by a closure on window), a few
 * hops deep, that notes every collection it meets with the path it was first met by. Its size is what the
 * snapshot can show: `entries`, the object references it holds (element edges of an Array, the entries of a
 * Map's or Set's hash table; numbers held inline are no edges), and `bytes`, the self size of the collection and
 * its backing store (elements or table), which grows with every entry of any kind. Keyed by node id, which V8
 * keeps for an object across the snapshots of one session. The harness's own page globals (the in-page monitor,
 * the controllable mic) are not walked: their series grow by design.
 */
import type { HeapSnapshotGraph } from './heap-snapshot-graph.ts';
import { globalObjectNodes } from './heap-snapshot-roots.ts';

export interface HeapCollectionState {
  path: string;
  kind: 'Array' | 'Map' | 'Set';
  entries: number;
  bytes: number;
}

const KINDS = new Set(['Array', 'Map', 'Set']);
const WALKED_EDGES = new Set(['property', 'context', 'internal']);
/** Edges that lead into prototypes, hidden classes and builtins, not into the app's data. */
const SKIPPED_NAMES = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'map',
  'code',
  'shared',
  'feedback_cell',
  'native_context',
  'global_proxy_object',
  'script_or_debug_info',
]);
/** Hops from window, internal ones (a closure's context, a table) included: enough for module state behind a closure. */
const MAX_DEPTH = 16;
const HARNESS_GLOBALS = new Set(['voiceSoakMonitor', '__voiceSoakMic']);
const MAX_VISITED = 200_000;

function storage(graph: HeapSnapshotGraph, node: number, kind: string): { entries: number; bytes: number } {
  let entries = 0;
  let bytes = graph.selfSize(node);
  for (let e = graph.firstEdge[node]!; e < graph.firstEdge[node + 1]!; e++) {
    const type = graph.edgeType(e);
    if (kind === 'Array' && type === 'element') entries++;
    const label = graph.edgeLabel(e);
    if (label === 'elements (internal)' || label === 'table (internal)') {
      const store = graph.edgeTarget(e);
      bytes += graph.selfSize(store);
      if (kind !== 'Array') {
        for (let s = graph.firstEdge[store]!; s < graph.firstEdge[store + 1]!; s++) if (!graph.edgeLabel(s).startsWith('map ')) entries++;
      }
    }
  }
  return { entries, bytes };
}

export function collectionsFromWindow(graph: HeapSnapshotGraph): Map<number, HeapCollectionState> {
  const found = new Map<number, HeapCollectionState>();
  const seen = new Uint8Array(graph.nodeCount);
  let frontier = globalObjectNodes(graph).map((node) => ({ node, path: 'Window' }));
  for (const { node } of frontier) seen[node] = 1;
  let visited = frontier.length;
  for (let depth = 0; depth < MAX_DEPTH && frontier.length && visited < MAX_VISITED; depth++) {
    const next: typeof frontier = [];
    for (const { node, path } of frontier) {
      for (let e = graph.firstEdge[node]!; e < graph.firstEdge[node + 1]!; e++) {
        if (!WALKED_EDGES.has(graph.edgeType(e))) continue;
        const raw = graph.edgeLabel(e);
        const name = raw.slice(0, raw.lastIndexOf(' ('));
        if (SKIPPED_NAMES.has(name) || (depth === 0 && HARNESS_GLOBALS.has(name))) continue;
        const target = graph.edgeTarget(e);
        if (seen[target]) continue;
        seen[target] = 1;
        visited++;
        const type = graph.nodeType(target);
        const kind = graph.className(target);
        // Internal edges (a closure's context, an object's backing store) add no step to the path a person reads.
        const step = graph.edgeType(e) === 'internal' ? path : `${path}.${name}`;
        if (type === 'object' && KINDS.has(kind)) {
          found.set(graph.nodeId(target), { path: step, kind: kind as HeapCollectionState['kind'], ...storage(graph, target, kind) });
        }
        // Backing stores (type array: a Map's table, an object's properties) are walked too: module state kept in a
        // Map of objects is reached through them.
        if (type === 'object' || type === 'closure' || type === 'hidden' || type === 'array') next.push({ node: target, path: step });
      }
    }
    frontier = next;
  }
  return found;
}
