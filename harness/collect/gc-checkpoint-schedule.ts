/**
 * When the heap collectors take a checkpoint (heap-profile-checkpoints.ts, heap-snapshot-checkpoints.ts): after a
 * turn-boundary forced GC (the sampler's `gc` record) at or past firstAfterMs (warm-up), again after later GCs at
 * most every everyMs (none when everyMs is unset), each under the sampler's lock so no sample overlaps it; then one
 * last checkpoint at the end, which the collector takes through last() once the ones already due have run.
 */
import type { HarnessClock } from './recording/harness-clock.ts';
import type { RecordSink } from './recording/record-sink.ts';

export type SamplerLock = <T>(fn: () => Promise<T>) => Promise<T>;

export interface GcCheckpointScheduleOptions {
  sink: Pick<RecordSink, 'onRecord'>;
  clock: Pick<HarnessClock, 'nowMs'>;
  /** The sampler's lock: a checkpoint never overlaps a sample. */
  exclusive: SamplerLock;
  /** The first checkpoint follows the first GC at or after this time. */
  firstAfterMs: number;
  /** Later GCs start one at most this often (measured from when the last began); unset: one before the end only. */
  everyMs?: number;
  /** Takes one checkpoint, under the lock; `gcDetail` is the GC record's detail ('gc' without one). */
  checkpoint(gcDetail: string): Promise<void>;
}

export interface GcCheckpointSchedule {
  /** Listens for the sampler's GC records. */
  start(): void;
  /** Stops listening and waits for the checkpoints already due. */
  stop(): Promise<void>;
  /** Runs the last checkpoint under the lock. */
  last<T>(fn: () => Promise<T>): Promise<T>;
}

export function createGcCheckpointSchedule(options: GcCheckpointScheduleOptions): GcCheckpointSchedule {
  const { sink, clock, exclusive, firstAfterMs, everyMs } = options;
  let lastStartMs = Number.NEGATIVE_INFINITY;
  let taken = 0;
  const due = new Set<Promise<void>>();
  let unsubscribe: () => void = () => undefined;

  const isDue = (tMs: number) => tMs >= firstAfterMs && (everyMs === undefined ? taken === 0 : tMs - lastStartMs >= everyMs);

  return {
    start() {
      unsubscribe = sink.onRecord((record) => {
        if (record.type !== 'harness' || record.kind !== 'gc' || !isDue(record.tMs)) return;
        taken++;
        lastStartMs = record.tMs;
        if (everyMs === undefined) unsubscribe();
        const run = exclusive(() => {
          lastStartMs = clock.nowMs();
          return options.checkpoint(record.detail ?? 'gc');
        });
        due.add(run);
        void run.finally(() => due.delete(run)).catch(() => undefined);
      });
    },
    async stop() {
      unsubscribe();
      await Promise.all(due);
    },
    last: (fn) => exclusive(fn),
  };
}
