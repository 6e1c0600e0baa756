/**
 * A V8-like heap for synthetic logs: a retained floor (plus an optional leak) and garbage that accumulates with
 * allocation and is dropped by minor/major GCs (the sawtooth). A forced GC (the harness's collectGarbage at turn
 * boundaries) leaves just the floor: that sample is a post-GC low.
 */
import type { SeededRandom } from './seeded-random.ts';

const MIB = 1024 * 1024;

export interface HeapModel {
  /** Advance to tMs with the given allocation rate (MB/s); returns heap used, bytes. */
  sample(tMs: number, allocMbPerS: number): number;
  /** A forced full GC at tMs: returns the post-GC heap, bytes. */
  collect(tMs: number): number;
}

export function createHeapModel(random: SeededRandom, leakMbPerMin: number): HeapModel {
  let lastMs = 0;
  let garbageMb = 0;
  let gcAtMb = random.uniform(6, 10);
  const floorMb = (tMs: number): number => {
    const warmupMb = 4 * (1 - Math.exp(-tMs / 20_000)); // JIT code, caches, first turns
    return 28 + warmupMb + (leakMbPerMin * tMs) / 60_000;
  };
  const noiseMb = (): number => random.normal(0, 0.12);
  return {
    sample(tMs, allocMbPerS) {
      garbageMb += Math.max(0, allocMbPerS * ((tMs - lastMs) / 1000) * random.uniform(0.6, 1.4));
      lastMs = tMs;
      if (garbageMb > gcAtMb) {
        garbageMb = random.uniform(0.1, 0.8);
        gcAtMb = random.uniform(6, 10);
      }
      return Math.max(1, floorMb(tMs) + garbageMb + noiseMb()) * MIB;
    },
    collect(tMs) {
      lastMs = tMs;
      garbageMb = 0;
      return Math.max(1, floorMb(tMs) + noiseMb()) * MIB;
    },
  };
}
