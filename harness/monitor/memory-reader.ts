/**
 * Reads `performance.memory` (Chromium only). Without --enable-precise-memory-info Chromium reports coarse,
 * cached values rounded to 100,000 bytes (measured: 10000000 / 10000000 / 3760000000 on an idle page), so a
 * reading counts as precise only when its numbers are not all round.
 */
export interface MemoryReading {
  usedBytes: number;
  totalBytes: number;
  limitBytes: number | undefined;
  precise: boolean;
}

interface ChromiumMemory {
  usedJSHeapSize?: number;
  totalJSHeapSize?: number;
  jsHeapSizeLimit?: number;
}

const COARSE_STEP_BYTES = 100_000;
const isRound = (value: number) => value % COARSE_STEP_BYTES === 0;

export function looksPrecise(usedBytes: number, totalBytes: number, limitBytes: number | undefined): boolean {
  return !(isRound(usedBytes) && isRound(totalBytes) && (limitBytes === undefined || isRound(limitBytes)));
}

export function readMemory(perf: Performance | undefined = globalThis.performance): MemoryReading | null {
  const memory = (perf as unknown as { memory?: ChromiumMemory } | undefined)?.memory;
  if (!memory || typeof memory.usedJSHeapSize !== 'number' || typeof memory.totalJSHeapSize !== 'number') return null;
  const limitBytes = typeof memory.jsHeapSizeLimit === 'number' ? memory.jsHeapSizeLimit : undefined;
  return {
    usedBytes: memory.usedJSHeapSize,
    totalBytes: memory.totalJSHeapSize,
    limitBytes,
    precise: looksPrecise(memory.usedJSHeapSize, memory.totalJSHeapSize, limitBytes),
  };
}
