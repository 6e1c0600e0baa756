/** Deterministic randomness for synthetic logs (mulberry32): the same seed gives the same log, byte for byte. */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(min: number, max: number): number;
  normal(mean?: number, sd?: number): number;
  /** exp(normal(log(median), sigma)): the shape of real latencies (long right tail). */
  logNormal(median: number, sigma: number): number;
  chance(probability: number): boolean;
}

export function seededRandom(seed: number): SeededRandom {
  let state = (seed >>> 0) ^ 0x9e3779b9;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean = 0, sd = 1): number => {
    const u = Math.max(next(), 1e-12);
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    normal,
    logNormal: (median, sigma) => Math.exp(normal(Math.log(median), sigma)),
    chance: (p) => next() < p,
  };
}
