/**
 * How the soak runs the sampling heap profiler: on by default (bench/heap-profile-cost.ts measured its cost; README
 * "Sampling heap profile"), the mean sampling interval, and the spacing of checkpoints for a run's length.
 */
export const DEFAULT_HEAP_PROFILE = true;
/** Mean bytes between samples (V8's default is 32768); chosen from bench/heap-profile-cost.ts. */
export const DEFAULT_HEAP_SAMPLING_INTERVAL_BYTES = 4_096;

/** About a dozen checkpoints per run, 5 s to 60 s apart. */
export function heapCheckpointEveryMs(durationMs: number): number {
  return Math.min(60_000, Math.max(5_000, Math.round(durationMs / 12)));
}
