/**
 * The cycle-leak rule for one resource's counts after each hang-up (cycle 1..n, post-GC; the cycle-0 baseline is
 * left out: a shared object an app creates on its first start and keeps is no leak). A resource leaks a steady
 * amount per cycle when, over at least MIN_CYCLES cycles,
 *   - the Theil-Sen slope of count against cycle number (the median of all pairwise per-cycle rises, so one odd
 *     cycle cannot make or hide it) is at least `tolerance` per cycle (0.5 for AudioContexts, tracks, peer
 *     connections and sockets: an object left open every other cycle or more often), and
 *   - the count rose in at least two thirds of the steps from one cycle to the next (a steady rise, not one jump).
 * Pure.
 */
import { theilSen } from '../stats/theil-sen.ts';

export const MIN_CYCLES = 3;

export interface CycleLeakJudgement {
  leaking: boolean;
  /** Theil-Sen rise per cycle, or null with fewer than MIN_CYCLES counts. */
  perCycle: number | null;
  risingSteps: number;
  steps: number;
}

export function judgeCycleLeak(counts: readonly number[], tolerance: number): CycleLeakJudgement {
  const steps = Math.max(0, counts.length - 1);
  let risingSteps = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[i - 1]!) risingSteps++;
  if (counts.length < MIN_CYCLES) return { leaking: false, perCycle: null, risingSteps, steps };
  const perCycle = theilSen(
    counts.map((_, i) => i + 1),
    counts,
  ).slope;
  const leaking = perCycle >= Math.max(tolerance, Number.MIN_VALUE) && risingSteps * 3 >= steps * 2;
  return { leaking, perCycle, risingSteps, steps };
}
