/**
 * Read access to a parsed heap snapshot as a graph: per node its type, name, id, self size, detachedness and edge
 * range; per edge its type, label and target. Class names follow DevTools' grouping ("Float32Array", "(closure)",
 * "(string)", "Detached HTMLSpanElement"), so counts compare with what a person sees in the Memory panel.
 */
import type { ParsedHeapSnapshot } from './heap-snapshot-parser.ts';

export interface HeapSnapshotGraph {
  snapshot: ParsedHeapSnapshot;
  nodeCount: number;
  /** Edges of node i are firstEdge[i] .. firstEdge[i + 1] - 1 (edge numbers, not array offsets). */
  firstEdge: Uint32Array;
  nodeType(node: number): string;
  nodeName(node: number): string;
  nodeId(node: number): number;
  selfSize(node: number): number;
  detached(node: number): boolean;
  className(node: number): string;
  edgeType(edge: number): string;
  edgeTarget(edge: number): number;
  /** "kept (property)", "[12] (element)". */
  edgeLabel(edge: number): string;
  /** The raw name_or_index: an index into strings, or an element/hidden index. */
  edgeNameOrIndex(edge: number): number;
}

const GROUPED: Record<string, string> = {
  hidden: '(system)',
  array: '(array)',
  string: '(string)',
  'concatenated string': '(string)',
  'sliced string': '(string)',
  code: '(compiled code)',
  closure: '(closure)',
  regexp: '(regexp)',
  number: '(number)',
  symbol: '(symbol)',
  bigint: '(bigint)',
  'object shape': '(object shape)',
};
/** Edge types whose name_or_index is a number, not a string. */
const INDEXED_EDGES = new Set(['element', 'hidden']);
const DETACHED = 2;

export function createHeapSnapshotGraph(snapshot: ParsedHeapSnapshot): HeapSnapshotGraph {
  const { meta, nodes, edges, strings } = snapshot;
  const nodeWidth = meta.node_fields.length;
  const edgeWidth = meta.edge_fields.length;
  const field = (list: string[], name: string, required = true) => {
    const at = list.indexOf(name);
    if (at < 0 && required) throw new Error(`heap snapshot: no "${name}" field in meta`);
    return at;
  };
  const TYPE = field(meta.node_fields, 'type');
  const NAME = field(meta.node_fields, 'name');
  const ID = field(meta.node_fields, 'id');
  const SIZE = field(meta.node_fields, 'self_size');
  const EDGE_COUNT = field(meta.node_fields, 'edge_count');
  const DETACHEDNESS = field(meta.node_fields, 'detachedness', false);
  const EDGE_TYPE = field(meta.edge_fields, 'type');
  const EDGE_NAME = field(meta.edge_fields, 'name_or_index');
  const TO_NODE = field(meta.edge_fields, 'to_node');
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const nodeCount = snapshot.nodeCount;

  const firstEdge = new Uint32Array(nodeCount + 1);
  for (let i = 0, sum = 0; i < nodeCount; i++) {
    firstEdge[i] = sum;
    sum += nodes[i * nodeWidth + EDGE_COUNT]!;
    firstEdge[i + 1] = sum;
  }
  if (firstEdge[nodeCount] !== snapshot.edgeCount)
    throw new Error(`heap snapshot: nodes name ${firstEdge[nodeCount]} edges, the edges array holds ${snapshot.edgeCount}`);

  const nodeType = (node: number) => nodeTypes[nodes[node * nodeWidth + TYPE]!] ?? 'unknown';
  const nodeName = (node: number) => strings[nodes[node * nodeWidth + NAME]!] ?? '';
  const detached = (node: number) =>
    (DETACHEDNESS >= 0 && nodes[node * nodeWidth + DETACHEDNESS] === DETACHED) || (nodeType(node) === 'native' && nodeName(node).startsWith('Detached '));
  const edgeType = (edge: number) => edgeTypes[edges[edge * edgeWidth + EDGE_TYPE]!] ?? 'unknown';
  const edgeNameOrIndex = (edge: number) => edges[edge * edgeWidth + EDGE_NAME]!;

  return {
    snapshot,
    nodeCount,
    firstEdge,
    nodeType,
    nodeName,
    nodeId: (node) => nodes[node * nodeWidth + ID]!,
    selfSize: (node) => nodes[node * nodeWidth + SIZE]!,
    detached,
    className(node) {
      const type = nodeType(node);
      const grouped = GROUPED[type];
      if (grouped) return grouped;
      // Blink's template classes (blink::HeapHashTableBacking<blink::HashTable<...>>) are cut at their arguments.
      const name = nodeName(node).replace(/^([\w:]*::[\w:()]*\w)<.*$/s, '$1<…>');
      const cut = type === 'object' && !name.startsWith('system / ') ? name.split(' / ')[0]!.replace(/ \[JSGlobal(Object|Proxy)\]$/, '') : name;
      return detached(node) && !cut.startsWith('Detached ') ? `Detached ${cut}` : cut;
    },
    edgeType,
    edgeTarget: (edge) => edges[edge * edgeWidth + TO_NODE]! / nodeWidth,
    edgeNameOrIndex,
    edgeLabel(edge) {
      const type = edgeType(edge);
      const raw = edgeNameOrIndex(edge);
      const name = INDEXED_EDGES.has(type) ? `[${raw}]` : (strings[raw] ?? `#${raw}`);
      return `${name} (${type})`;
    },
  };
}
