/**
 * Synthetic `cycle` records: the cycle-0 baseline near the start, then one per hang-up at the end of each of
 * `cycles` even shares of the run, with the counts a clean app leaves (nothing open, listeners and DOM nodes that
 * wobble; a transcript that grows a few nodes per turn), or AudioContexts piling up by leakedContextsPerCycle.
 */
import type { CycleRecord } from '../log/log-schema.ts';
import type { SeededRandom } from './seeded-random.ts';

const MIB = 1024 * 1024;

export function cycleRecordsBetween(
  input: { fromMs: number; toMs: number; durationMs: number; cycles: number; leakedContextsPerCycle: number },
  random: SeededRandom,
): CycleRecord[] {
  const { cycles, durationMs } = input;
  if (cycles < 2) return [];
  const out: CycleRecord[] = [];
  for (let k = 0; k <= cycles; k++) {
    const tMs = k === 0 ? 500 : (durationMs * k) / cycles - 200;
    if (tMs < input.fromMs || tMs >= input.toMs) continue;
    out.push({
      type: 'cycle',
      tMs,
      cycle: k,
      hungUpBy: k === 0 ? 'baseline' : 'stop-selector',
      live: { audioContexts: Math.round(input.leakedContextsPerCycle * k), mediaStreamTracks: 0, peerConnections: 0, webSockets: 0 },
      eventListeners: Math.round(k === 0 ? 13 : 28 + random.uniform(-2, 2)),
      domNodes: Math.round(100 + 6 * k + random.uniform(-3, 3)),
      heapUsedBytes: Math.round((30 + random.normal(0, 0.1)) * MIB),
      backingStorageBytes: Math.round(0.3 * MIB + random.normal(0, 4_000)),
    });
  }
  return out;
}
