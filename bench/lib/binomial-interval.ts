/**
 * Wilson score interval for a binomial proportion (k successes in n trials): better than the normal approximation
 * at small n and at k = 0, where it still gives an upper bound (0 of 30 clean runs: 0-11.4 % at 95 %).
 */
export function wilsonInterval(k: number, n: number, z = 1.959964): { low: number; high: number } {
  if (n <= 0) return { low: Number.NaN, high: Number.NaN };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
