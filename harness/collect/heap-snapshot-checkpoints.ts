/**
 * Heap snapshots over a soak (SOAK_HEAP_SNAPSHOTS=1): two full snapshots under the sampler's lock, so no CDP
 * sample overlaps one, and each is parsed while it streams (heap-snapshot-take.ts): the first right after the first
 * turn-boundary forced GC (the sampler's `gc` record) past warm-up, the last at finish() after its own forced GC
 * (gc-checkpoint-schedule.ts).
 * Each writes a harness note with its size and how long the sampler waited; finish() diffs the two into one
 * `heap-snapshot-diff` record. Only the first's summary is kept between them. Judges nothing; a failed or
 * timed-out snapshot is a note and the soak goes on.
 */
import type { HeapSnapshotCheckpoint, HeapSnapshotDiffRecord } from '../log/heap-snapshot-diff-schema.ts';
import type { HarnessClock } from './recording/harness-clock.ts';
import { createGcCheckpointSchedule, type SamplerLock } from './gc-checkpoint-schedule.ts';
import { growingCollections, growingConstructors, snapshotRetainer } from './heap-snapshot-diff.ts';
import { takeHeapSnapshot, type CdpEventSessionLike, type TakenHeapSnapshot } from './heap-snapshot-take.ts';
import type { RecordSink } from './recording/record-sink.ts';
import { withTimeout } from './browser-calls/with-timeout.ts';

export interface HeapSnapshotOptions {
  session: CdpEventSessionLike;
  sink: Pick<RecordSink, 'write' | 'onRecord'>;
  clock: Pick<HarnessClock, 'nowMs'>;
  /** The sampler's lock: a snapshot never overlaps a sample. */
  exclusive: SamplerLock;
  /** The first snapshot follows the first turn-boundary GC at or after this time (warm-up). */
  firstAfterMs: number;
  timeoutMs?: number;
}

export interface HeapSnapshotCheckpoints {
  start(): void;
  /** The last snapshot after a forced GC, then the diff record. */
  finish(): Promise<void>;
}

interface Taken extends TakenHeapSnapshot {
  checkpoint: HeapSnapshotCheckpoint;
}

const MB = 1024 * 1024;

export function createHeapSnapshotCheckpoints(options: HeapSnapshotOptions): HeapSnapshotCheckpoints {
  const { session, sink, clock } = options;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const note = (detail: string) => sink.write({ type: 'harness', tMs: clock.nowMs(), kind: 'note', detail });
  let first: Pick<Taken, 'summary' | 'checkpoint'> | null = null;

  async function take(reason: string, collectGarbage: boolean): Promise<Taken | null> {
    try {
      await withTimeout(Promise.resolve(session.send('HeapProfiler.enable')), 5_000, 'HeapProfiler.enable');
      if (collectGarbage) await withTimeout(Promise.resolve(session.send('HeapProfiler.collectGarbage')), 5_000, 'HeapProfiler.collectGarbage');
      const tMs = clock.nowMs();
      const taken = await takeHeapSnapshot(session, clock.nowMs, timeoutMs);
      const { summary } = taken;
      const checkpoint = {
        reason,
        tMs,
        jsonChars: taken.jsonChars,
        nodes: summary.nodeCount,
        edges: summary.edgeCount,
        selfBytes: summary.selfBytes,
        detachedNodes: summary.detachedNodes,
        takeMs: taken.takeMs,
        parseMs: taken.parseMs,
        summarizeMs: taken.summarizeMs,
        harnessRssBeforeBytes: taken.rssBeforeBytes,
        harnessRssPeakBytes: taken.peakRssBytes,
      };
      note(
        `heap snapshot "${reason}": ${(taken.jsonChars / MB).toFixed(1)} MB of JSON, ${summary.nodeCount} nodes, ${summary.detachedNodes} detached DOM nodes; taken in ${Math.round(taken.takeMs)} ms (${Math.round(taken.parseMs)} ms of it parsing) + ${Math.round(taken.summarizeMs)} ms summarized, the sampler paused meanwhile (a sample gap that long); harness RSS ${Math.round(taken.rssBeforeBytes / MB)} MB before, ${Math.round(taken.peakRssBytes / MB)} MB at most while parsing`,
      );
      return { ...taken, checkpoint };
    } catch (error) {
      note(`heap snapshot "${reason}" failed: ${(error as Error).message}`);
      return null;
    }
  }

  const schedule = createGcCheckpointSchedule({
    sink,
    clock,
    exclusive: options.exclusive,
    firstAfterMs: options.firstAfterMs,
    checkpoint: async (gcDetail) => {
      const taken = await take(`after warm-up (${gcDetail})`, false);
      if (taken) first = { summary: taken.summary, checkpoint: taken.checkpoint };
    },
  });

  return {
    start() {
      note(
        `heap snapshots: on (SOAK_HEAP_SNAPSHOTS=1): one after the first turn-boundary GC past ${Math.round(options.firstAfterMs / 1000)} s, one at the end; each pauses the sampler while it is taken`,
      );
      schedule.start();
    },
    async finish() {
      await schedule.stop();
      const before = first;
      if (!before) {
        note('heap snapshots: no snapshot after warm-up (no turn-boundary GC past it, or it failed): no diff');
        return;
      }
      const after = await schedule.last(() => take('end', true));
      if (!after) return;
      const constructors = growingConstructors(before.summary, after.summary);
      const record: HeapSnapshotDiffRecord = {
        type: 'heap-snapshot-diff',
        tMs: clock.nowMs(),
        snapshots: [before.checkpoint, after.checkpoint],
        constructors,
        collections: growingCollections(before.summary, after.summary),
        retainer: snapshotRetainer(after.graph, constructors, before.summary.maxNodeId),
      };
      sink.write(record, 'heap-snapshot');
    },
  };
}
