/**
 * Heap snapshots as a soak session starts them: only when SoakRunOptions.heapSnapshots (or SOAK_HEAP_SNAPSHOTS)
 * says 1, with the first one after the analyzer's warm-up (the thresholds' warmupMs, at most a quarter of the run,
 * as the analyzer shortens it). Undefined when off.
 */
import { loadSettings } from '../config/settings.ts';
import { DEFAULT_THRESHOLDS } from '../thresholds/thresholds-schema.ts';
import type { HarnessClock } from './recording/harness-clock.ts';
import { createHeapSnapshotCheckpoints, type HeapSnapshotCheckpoints } from './heap-snapshot-checkpoints.ts';
import type { CdpEventSessionLike } from './heap-snapshot-take.ts';
import type { RecordSink } from './recording/record-sink.ts';
import type { SoakRunOptions } from './soak-run-options.ts';

export interface HeapSnapshotSessionInput {
  session: CdpEventSessionLike;
  sink: RecordSink;
  clock: Pick<HarnessClock, 'nowMs'>;
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
  options: SoakRunOptions;
}

export function startHeapSnapshots(input: HeapSnapshotSessionInput): HeapSnapshotCheckpoints | undefined {
  const { options } = input;
  if (!(options.heapSnapshots ?? loadSettings().heapSnapshots)) return undefined;
  const warmupMs = options.thresholds?.warmupMs ?? DEFAULT_THRESHOLDS.warmupMs;
  const snapshots = createHeapSnapshotCheckpoints({ ...input, firstAfterMs: Math.min(warmupMs, options.durationMs / 4) });
  snapshots.start();
  return snapshots;
}
