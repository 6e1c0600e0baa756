/**
 * App-side fault `slow-handler:MS`: every received audio message's handler busy-waits MS so that messages queue
 * up behind it, and once a minute (the first time at the first audio message) one handler blocks 5.5 s, longer
 * than the monitor's 5 s event-processing-timeout safeguard.
 */
export const LONG_BLOCK_MS = 5500;
const LONG_BLOCK_EVERY_MS = 60_000;

export type SlowHandler = () => void;

export function busyWaitMs(durationMs: number): void {
  const endMs = performance.now() + durationMs;
  while (performance.now() < endMs) {
    // burn the main thread on purpose
  }
}

export function createSlowHandler(blockMs: number, nowMs: () => number = () => performance.now()): SlowHandler {
  let lastLongBlockMs: number | null = null;
  return () => {
    const now = nowMs();
    if (lastLongBlockMs === null || now - lastLongBlockMs >= LONG_BLOCK_EVERY_MS) {
      lastLongBlockMs = now;
      busyWaitMs(LONG_BLOCK_MS);
      return;
    }
    busyWaitMs(blockMs);
  };
}
