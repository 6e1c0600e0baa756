/**
 * The `heap-snapshot-diff` log record (SOAK_HEAP_SNAPSHOTS=1): two full heap snapshots (HeapProfiler.takeHeapSnapshot
 * after a forced GC: after warm-up and at the end), parsed as they streamed and compared.
 *
 * - `snapshots`: per checkpoint its reason, size (JSON characters, nodes), self bytes, detached DOM nodes, and how
 *   long taking it (the sampler was paused that long) and parsing it took.
 * - `constructors`: the classes (DevTools' grouping: "Float32Array", "Detached <span>", "(closure)") whose count or
 *   self size grew, by self-size growth. Self size only: retained sizes (dominators) are not computed.
 * - `collections`: Arrays, Maps and Sets reachable from window whose entries or storage grew (keyed by V8's object
 *   id, which holds across the snapshots of a session), with the property path they were found by.
 * - `retainer`: for the top growing constructor a program can hold on to (not an internal "(...)" or "system /"
 *   class), the path from a GC root shared by most of its instances allocated between the snapshots (indexes
 *   aside), shown for the newest of them: one string per node and edge.
 * Lists are capped and strings cut. Pure module.
 */
import { z } from 'zod';

const tMs = z.number().finite().nonnegative();
const bytes = z.number().finite().nonnegative();
const count = z.number().int().nonnegative();
const name = z.string().max(300);

export const heapSnapshotCheckpointSchema = z.object({
  reason: z.string().max(200),
  tMs,
  jsonChars: count,
  nodes: count,
  edges: count,
  selfBytes: bytes,
  detachedNodes: count,
  /** HeapProfiler.takeHeapSnapshot, chunks streamed into the parser as they came (the sampler waited this long). */
  takeMs: z.number().finite().nonnegative(),
  /** Of takeMs, the time the streaming parser took. */
  parseMs: z.number().finite().nonnegative(),
  /** The harness process's RSS before this snapshot, and its peak while it was streamed, parsed and summarized. */
  harnessRssBeforeBytes: bytes,
  harnessRssPeakBytes: bytes,
  /** Summarizing the parsed snapshot afterwards (classes, collections). */
  summarizeMs: z.number().finite().nonnegative(),
});

export const heapConstructorGrowthSchema = z.object({
  name,
  countBefore: count,
  countAfter: count,
  selfBytesBefore: bytes,
  selfBytesAfter: bytes,
});

export const heapCollectionGrowthSchema = z.object({
  path: z.string().max(500),
  kind: z.enum(['Array', 'Map', 'Set']),
  entriesBefore: count,
  entriesAfter: count,
  bytesBefore: bytes,
  bytesAfter: bytes,
});

export const heapSnapshotDiffRecordSchema = z.object({
  type: z.literal('heap-snapshot-diff'),
  tMs,
  snapshots: z.tuple([heapSnapshotCheckpointSchema, heapSnapshotCheckpointSchema]),
  constructors: z.array(heapConstructorGrowthSchema).max(20),
  collections: z.array(heapCollectionGrowthSchema).max(10),
  retainer: z
    .object({
      constructor: name,
      path: z.array(name).max(41),
      /** How many of the `of` instances considered (those allocated since the first snapshot) share this path's shape. */
      sharedBy: count,
      of: count,
    })
    .optional(),
});

export type HeapSnapshotCheckpoint = z.infer<typeof heapSnapshotCheckpointSchema>;
export type HeapConstructorGrowth = z.infer<typeof heapConstructorGrowthSchema>;
export type HeapCollectionGrowth = z.infer<typeof heapCollectionGrowthSchema>;
export type HeapSnapshotDiffRecord = z.infer<typeof heapSnapshotDiffRecordSchema>;
