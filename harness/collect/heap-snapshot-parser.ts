/**
 * Parses a V8 heap snapshot (.heapsnapshot JSON) as it streams in, chunk by chunk, without ever holding its text:
 * `snapshot` (meta and counts, small) is built as a value; `nodes` and `edges` (flat integer arrays, the bulk) go
 * straight into Uint32Arrays sized from node_count/edge_count; `strings` (last in the file) are kept cut to
 * maxStringLength; every other section (allocation traces, samples, locations, scopes) is read and dropped.
 * Memory: 4 bytes per node field and per edge field, plus the cut strings.
 */
import { createJsonTokenizer } from './heap-snapshot-json-tokenizer.ts';

export interface HeapSnapshotMeta {
  node_fields: string[];
  /** node_types[0]: the names of the node `type` enum. */
  node_types: [string[], ...unknown[]];
  edge_fields: string[];
  edge_types: [string[], ...unknown[]];
}

export interface ParsedHeapSnapshot {
  meta: HeapSnapshotMeta;
  nodeCount: number;
  edgeCount: number;
  /** node_fields.length values per node. */
  nodes: Uint32Array;
  /** edge_fields.length values per edge; to_node is an index into `nodes` (node index x node field count). */
  edges: Uint32Array;
  strings: string[];
  /** Characters of JSON read. */
  textLength: number;
}

export interface HeapSnapshotParser {
  write(chunk: string): void;
  end(): ParsedHeapSnapshot;
}

/** A Uint32Array that grows by doubling when the snapshot's counts were missing or wrong. */
class Uint32Buffer {
  data: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  trimmed(): Uint32Array {
    return this.length === this.data.length ? this.data : this.data.slice(0, this.length);
  }
}

export function createHeapSnapshotParser(maxStringLength = 300): HeapSnapshotParser {
  let depth = 0;
  let section = '';
  let textLength = 0;
  let snapshot: Record<string, unknown> | null = null;
  let nodes: Uint32Buffer | null = null;
  let edges: Uint32Buffer | null = null;
  const strings: string[] = [];
  /** The `snapshot` section as it is built: open containers and the key each value goes under. */
  const building: Array<{ value: unknown[] | Record<string, unknown>; key: string | null }> = [];

  const fields = (name: 'node_fields' | 'edge_fields') => (snapshot?.meta as HeapSnapshotMeta | undefined)?.[name]?.length ?? 0;
  const sized = (count: unknown, width: number) => new Uint32Buffer(typeof count === 'number' && width > 0 ? count * width : 1 << 16);
  const place = (value: unknown) => {
    const top = building[building.length - 1];
    if (!top) return;
    if (Array.isArray(top.value)) top.value.push(value);
    else if (top.key !== null) top.value[top.key] = value;
  };
  const scalar = (value: unknown) => {
    if (depth === 2 && section === 'nodes' && typeof value === 'number') nodes!.push(value);
    else if (depth === 2 && section === 'edges' && typeof value === 'number') edges!.push(value);
    else if (depth === 2 && section === 'strings') strings.push(String(value));
    else if (section === 'snapshot') place(value);
  };

  const tokenizer = createJsonTokenizer(
    {
      open(kind) {
        depth++;
        if (depth === 2 && section === 'nodes') nodes = sized(snapshot?.node_count, fields('node_fields'));
        if (depth === 2 && section === 'edges') edges = sized(snapshot?.edge_count, fields('edge_fields'));
        if (section === 'snapshot' && depth >= 2) {
          const value = kind === 'object' ? {} : [];
          place(value);
          building.push({ value, key: null });
        }
      },
      close() {
        if (section === 'snapshot' && depth >= 2) {
          const done = building.pop();
          if (depth === 2) snapshot = done!.value as Record<string, unknown>;
        }
        depth--;
      },
      key(name) {
        if (depth === 1) section = name;
        else if (section === 'snapshot') building[building.length - 1]!.key = name;
      },
      number: scalar,
      string: scalar,
      literal: scalar,
    },
    maxStringLength,
  );

  return {
    write(chunk) {
      textLength += chunk.length;
      tokenizer.write(chunk);
    },
    end() {
      tokenizer.end();
      const meta = snapshot?.meta as HeapSnapshotMeta | undefined;
      if (!meta || !Array.isArray(meta.node_fields) || !Array.isArray(meta.edge_fields))
        throw new Error('heap snapshot: no snapshot.meta with node_fields and edge_fields');
      const nodeData = (nodes as Uint32Buffer | null)?.trimmed() ?? new Uint32Array(0);
      const edgeData = (edges as Uint32Buffer | null)?.trimmed() ?? new Uint32Array(0);
      if (nodeData.length % meta.node_fields.length !== 0)
        throw new Error(`heap snapshot: ${nodeData.length} node values is not a multiple of ${meta.node_fields.length} node fields`);
      if (edgeData.length % meta.edge_fields.length !== 0)
        throw new Error(`heap snapshot: ${edgeData.length} edge values is not a multiple of ${meta.edge_fields.length} edge fields`);
      return {
        meta,
        nodeCount: nodeData.length / meta.node_fields.length,
        edgeCount: edgeData.length / meta.edge_fields.length,
        nodes: nodeData,
        edges: edgeData,
        strings,
        textLength,
      };
    },
  };
}
