/**
 * Child process for parser-memory.test.ts: streams a generated heap snapshot of NODES nodes (5 edges each) into the
 * parser in 1 MB chunks made on the fly, so the whole text never exists anywhere, and prints one JSON line with the
 * text's length and this process's RSS before and at its peak (sampled after each chunk). Run with --expose-gc.
 */
import { createHeapSnapshotParser } from '../../../harness/collect/heap-snapshot-parser.ts';

const nodes = Number(process.argv[2]);
const EDGES_PER_NODE = 5;
const CHUNK = 1 << 20;
const gc = (globalThis as { gc?: () => void }).gc!;

function* snapshotText(): Generator<string> {
  const meta = {
    node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'detachedness'],
    node_types: [['object'], 'string', 'number', 'number', 'number', 'number'],
    edge_fields: ['type', 'name_or_index', 'to_node'],
    edge_types: [['element', 'property'], 'string_or_number', 'node'],
  };
  yield `{"snapshot":{"meta":${JSON.stringify(meta)},"node_count":${nodes},"edge_count":${nodes * EDGES_PER_NODE}},\n"nodes":[`;
  let piece = '';
  for (let i = 0; i < nodes; i++) {
    piece += `${i ? ',' : ''}0,${i % 1000},${i * 2 + 1},${64 + (i % 500)},${EDGES_PER_NODE},0\n`;
    if (piece.length > CHUNK) {
      yield piece;
      piece = '';
    }
  }
  piece += '],\n"edges":[';
  for (let i = 0; i < nodes * EDGES_PER_NODE; i++) {
    piece += `${i ? ',' : ''}${i % 2},${i % 1000},${((i * 7919) % nodes) * 6}\n`;
    if (piece.length > CHUNK) {
      yield piece;
      piece = '';
    }
  }
  piece += '],\n"strings":[';
  for (let i = 0; i < 1000; i++) piece += `${i ? ',' : ''}"name ${i}"`;
  yield `${piece}]}`;
}

gc();
const rssBeforeBytes = process.memoryUsage.rss();
let peakRssBytes = rssBeforeBytes;
let jsonChars = 0;
const parser = createHeapSnapshotParser();
for (const chunk of snapshotText()) {
  jsonChars += chunk.length;
  parser.write(chunk);
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
}
const parsed = parser.end();
peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
console.log(
  JSON.stringify({
    jsonChars,
    rssBeforeBytes,
    peakRssBytes,
    nodeCount: parsed.nodeCount,
    edgeCount: parsed.edgeCount,
    keptBytes: parsed.nodes.byteLength + parsed.edges.byteLength,
  }),
);
