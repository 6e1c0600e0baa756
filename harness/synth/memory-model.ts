/**
 * Memory beyond the JS heap for synthetic logs: ArrayBuffer backing stores (a small floor, decoded reply chunks
 * alive while a reply plays, dropped by a forced GC; plus an optional leak), the embedder heap, the renderer's RSS
 * (a base, a first-minute ramp as code caches and heap pages fill, what the heaps hold, an optional native leak,
 * noise), and the live object counts of one open conversation.
 */
import type { LiveCounts } from '../log/log-schema.ts';
import type { SeededRandom } from './seeded-random.ts';

const MIB = 1024 * 1024;
export const SYNTH_RENDERER_PID = 4242;
export const OPEN_CONVERSATION: LiveCounts = { audioContexts: 1, mediaStreamTracks: 1, peerConnections: 0, webSockets: 1 };

export interface MemorySample {
  backingStorageBytes: number;
  embedderHeapBytes: number;
  rendererRssBytes: number;
  rendererPid: number;
  live: LiveCounts;
}

export function createMemoryModel(random: SeededRandom, faults: { bufferLeakMbPerMin?: number; rssLeakMbPerMin?: number }) {
  const bufferFloorMb = (tMs: number) => 0.3 + ((faults.bufferLeakMbPerMin ?? 0) * tMs) / 60_000;
  return {
    /** replying: decoded reply chunks are alive; afterGc: a forced GC just dropped what nothing holds. */
    sample(tMs: number, heapUsedBytes: number, replying: boolean, afterGc: boolean): MemorySample {
      const transientMb = afterGc ? 0 : replying ? random.uniform(0.05, 0.4) : random.uniform(0, 0.05);
      const backingStorageBytes = Math.max(0, (bufferFloorMb(tMs) + transientMb) * MIB + random.normal(0, 4_000));
      const ramp = 20 * (1 - Math.exp(-tMs / 20_000));
      const rssMb = 150 + ramp + heapUsedBytes / MIB + backingStorageBytes / MIB + ((faults.rssLeakMbPerMin ?? 0) * tMs) / 60_000 + random.normal(0, 0.8);
      return {
        backingStorageBytes: Math.round(backingStorageBytes),
        embedderHeapBytes: Math.round(1.5 * MIB + random.normal(0, 20_000)),
        rendererRssBytes: Math.round(rssMb * MIB),
        rendererPid: SYNTH_RENDERER_PID,
        live: { ...OPEN_CONVERSATION },
      };
    },
  };
}
