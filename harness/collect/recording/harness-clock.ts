/**
 * The harness's clock: tMs is milliseconds since the log header's startedAt, from a monotonic source
 * (performance.now), so wall-clock adjustments during a run do not bend the time axis.
 */
export interface HarnessClock {
  /** ISO 8601 time of tMs = 0 (the log header's startedAt). */
  startedAt: string;
  /** Epoch ms of tMs = 0 (to rebase the page's clocks). */
  startedAtEpochMs: number;
  nowMs(): number;
}

export function createHarnessClock(): HarnessClock {
  const originMs = performance.now();
  const startedAtEpochMs = Date.now();
  return {
    startedAt: new Date(startedAtEpochMs).toISOString(),
    startedAtEpochMs,
    nowMs: () => Math.max(0, performance.now() - originMs),
  };
}
