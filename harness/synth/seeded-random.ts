/**
 * The project's one seeded PRNG (mulberry32), with the few distributions the synthetic logs draw from. A leaf
 * (it imports nothing), so the reference server and the tests use it too; the harness never imports reference/.
 * The same seed gives the same sequence: the same log byte for byte, the same reply turn for turn.
 */
export type Random = () => number;

export interface SeededRandom extends Random {
  /** Uniform in [0, 1); the same as calling the generator itself. */
  next(): number;
  uniform(min: number, max: number): number;
  normal(mean?: number, sd?: number): number;
  /** exp(normal(log(median), sigma)): the shape of real latencies (long right tail). */
  logNormal(median: number, sigma: number): number;
  chance(probability: number): boolean;
}

const GOLDEN = 0x9e3779b9;

/** A generator from one 32-bit seed (a log's seed); mixSeeds makes one from several. */
export function seededRandom(seed: number): SeededRandom {
  let state = (seed >>> 0) ^ GOLDEN;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean = 0, sd = 1): number => {
    const u = Math.max(next(), 1e-12);
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return Object.assign(next, {
    next,
    uniform: (min: number, max: number) => min + (max - min) * next(),
    normal,
    logNormal: (median: number, sigma: number) => Math.exp(normal(Math.log(median), sigma)),
    chance: (probability: number) => next() < probability,
  });
}

/**
 * One seed from several integers (a connection seed, a turn number, a purpose tag), each multiplied in, so that
 * (seed, turn) and (seed, turn + 1) give unrelated sequences. The final XOR undoes seededRandom's, which keeps the
 * sequences the reference server has always drawn for its replies (its tests and runs replay as before).
 */
export function mixSeeds(...seeds: number[]): number {
  let hash = GOLDEN;
  for (const s of seeds) hash = Math.imul(hash ^ (s | 0), 0x85ebca6b) + 0x27d4eb2f;
  return (hash ^ GOLDEN) >>> 0;
}
