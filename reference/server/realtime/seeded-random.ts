/** Deterministic PRNG (mulberry32) returning floats in [0, 1); seed from any integers (connection seed, turn number). */
export type Random = () => number;

export function seededRandom(...seeds: number[]): Random {
  let state = 0x9e3779b9;
  for (const s of seeds) state = Math.imul(state ^ (s | 0), 0x85ebca6b) + 0x27d4eb2f;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
