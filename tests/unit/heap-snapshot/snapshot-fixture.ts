/**
 * Hand-built heap snapshots in V8's .heapsnapshot format (the meta Chromium 156 writes: node fields type, name,
 * id, self_size, edge_count, detachedness), from a readable list of nodes and edges, for the parser, diff and
 * retainer-path tests. Node 0 is the synthetic root; give it edges to "(GC roots)" and the Window.
 */
export interface FixtureEdge {
  type: 'context' | 'element' | 'property' | 'internal' | 'hidden' | 'shortcut' | 'weak';
  /** A property name, or an element index. */
  name: string | number;
  to: number;
}

export interface FixtureNode {
  type: 'hidden' | 'array' | 'string' | 'object' | 'code' | 'closure' | 'native' | 'synthetic' | 'number';
  name: string;
  id: number;
  size: number;
  edges?: FixtureEdge[];
  detachedness?: 0 | 1 | 2;
}

const NODE_TYPES = [
  'hidden',
  'array',
  'string',
  'object',
  'code',
  'closure',
  'regexp',
  'number',
  'native',
  'synthetic',
  'concatenated string',
  'sliced string',
  'symbol',
  'bigint',
  'object shape',
];
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];
const NODE_FIELDS = ['type', 'name', 'id', 'self_size', 'edge_count', 'detachedness'];

/** The snapshot as V8 writes it; `extra` sections (trace_tree, samples...) come before strings, as in Chromium. */
export function buildSnapshot(nodes: FixtureNode[], extraStrings: string[] = []): object {
  const strings: string[] = [];
  const index = (s: string) => {
    const at = strings.indexOf(s);
    return at >= 0 ? at : strings.push(s) - 1;
  };
  const nodeValues: number[] = [];
  const edgeValues: number[] = [];
  for (const node of nodes) {
    nodeValues.push(NODE_TYPES.indexOf(node.type), index(node.name), node.id, node.size, node.edges?.length ?? 0, node.detachedness ?? 0);
    for (const edge of node.edges ?? []) {
      edgeValues.push(EDGE_TYPES.indexOf(edge.type), typeof edge.name === 'number' ? edge.name : index(edge.name), edge.to * NODE_FIELDS.length);
    }
  }
  for (const s of extraStrings) index(s);
  return {
    snapshot: {
      meta: {
        node_fields: NODE_FIELDS,
        node_types: [NODE_TYPES, 'string', 'number', 'number', 'number', 'number'],
        edge_fields: ['type', 'name_or_index', 'to_node'],
        edge_types: [EDGE_TYPES, 'string_or_number', 'node'],
        location_fields: ['object_index', 'script_id', 'line', 'column'],
      },
      node_count: nodes.length,
      edge_count: edgeValues.length / 3,
      trace_function_count: 0,
    },
    nodes: nodeValues,
    edges: edgeValues,
    trace_function_infos: [],
    trace_tree: [[1, 0, [2, [3, -1.5e-3]]]],
    samples: [12.5, -7, 1e21],
    locations: [],
    strings,
  };
}

/**
 * A page that keeps `n` Float32Arrays in `window.kept` (and the mic's latest buffer in `window.mic.current`), and
 * `detached` removed spans in `window.history`, the chunks again in `window.cache` (a Map); ids follow allocation order, as V8's
 * do: chunk i is 1000 + 10i, the mic buffer was allocated just before the last chunk, spans one per n/detached chunks.
 */
export function leakingPage(n: number, detached: number): FixtureNode[] {
  const nodes: FixtureNode[] = [
    {
      type: 'synthetic',
      name: '',
      id: 1,
      size: 0,
      edges: [
        { type: 'element', name: 1, to: 1 },
        { type: 'shortcut', name: 'window', to: 2 },
      ],
    },
    { type: 'synthetic', name: '(GC roots)', id: 3, size: 0, edges: [] },
    { type: 'object', name: 'Window [JSGlobalObject] / http://127.0.0.1/', id: 5, size: 40 },
  ];
  const add = (node: FixtureNode) => nodes.push(node) - 1;
  const kept = add({ type: 'object', name: 'Array', id: 7, size: 16, edges: [] });
  const elements = add({ type: 'array', name: '(object elements)', id: 9, size: 16 + 4 * n });
  nodes[kept]!.edges!.push({ type: 'internal', name: 'elements', to: elements });
  const history = add({ type: 'object', name: 'Array', id: 11, size: 16, edges: [] });
  const mic = add({ type: 'object', name: 'Object', id: 13, size: 24, edges: [] });
  const map = add({ type: 'object', name: 'Map', id: 15, size: 20, edges: [] });
  const table = add({ type: 'array', name: '', id: 17, size: 40 + 8 * n, edges: [] });
  nodes[map]!.edges!.push({ type: 'internal', name: 'table', to: table });
  // The harness's in-page monitor: its series grow by design, and are not the app's.
  const monitorSeries = add({ type: 'object', name: 'Array', id: 19, size: 16 + 8 * n, edges: [] });
  nodes[2]!.edges = [
    { type: 'property', name: 'kept', to: kept },
    { type: 'property', name: 'history', to: history },
    { type: 'property', name: 'mic', to: mic },
    { type: 'property', name: 'cache', to: map },
    { type: 'property', name: 'voiceSoakMonitor', to: monitorSeries },
    { type: 'weak', name: 'weakKept', to: kept },
  ];
  for (let i = 0; i < n; i++) {
    const chunk = add({ type: 'object', name: 'Float32Array', id: 1000 + 10 * i, size: 64 });
    nodes[kept]!.edges!.push({ type: 'element', name: i, to: chunk });
    nodes[table]!.edges!.push({ type: 'internal', name: String(i), to: chunk });
    nodes[monitorSeries]!.edges!.push({ type: 'element', name: i, to: chunk });
  }
  const current = add({ type: 'object', name: 'Float32Array', id: 1000 + 10 * n - 15, size: 64 });
  nodes[mic]!.edges!.push({ type: 'property', name: 'current', to: current });
  for (let i = 0; i < detached; i++) {
    const span = add({ type: 'native', name: '<span>', id: 1003 + 10 * Math.floor((i * n) / detached), size: 120, detachedness: 2 });
    nodes[history]!.edges!.push({ type: 'element', name: i, to: span });
  }
  return nodes;
}
