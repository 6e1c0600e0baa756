/**
 * Compares two event rates (errors, interruptions, audio gaps per run duration): the conditional exact test.
 * Given k = kBefore + kAfter, under equal rates kAfter ~ Binomial(k, tAfter / (tBefore + tAfter)).
 * Two-sided p-value = min(1, 2 x the smaller tail), as scipy.stats.binom cdf/sf would give. Pure module.
 */

export interface PoissonRateResult {
  rateBeforePerMin: number;
  rateAfterPerMin: number;
  pValue: number;
}

/** Binomial(n, p) probabilities for k = 0..n, by the pmf recurrence in log space (O(n), no overflow). */
function binomialPmfs(n: number, p: number): Float64Array {
  const pmfs = new Float64Array(n + 1);
  if (p <= 0 || p >= 1) {
    pmfs[p <= 0 ? 0 : n] = 1;
    return pmfs;
  }
  const logOdds = Math.log(p) - Math.log1p(-p);
  let logPmf = n * Math.log1p(-p);
  for (let k = 0; k <= n; k += 1) {
    pmfs[k] = Math.exp(logPmf);
    logPmf += Math.log(n - k) - Math.log(k + 1) + logOdds;
  }
  return pmfs;
}

export function poissonRateTest(kBefore: number, durationBeforeMs: number, kAfter: number, durationAfterMs: number): PoissonRateResult {
  if (!(durationBeforeMs > 0 && durationAfterMs > 0)) {
    throw new RangeError(`poissonRateTest requires positive durations, got ${durationBeforeMs} and ${durationAfterMs}`);
  }
  const rateBeforePerMin = (kBefore / durationBeforeMs) * 60_000;
  const rateAfterPerMin = (kAfter / durationAfterMs) * 60_000;
  const n = kBefore + kAfter;
  if (n === 0) return { rateBeforePerMin, rateAfterPerMin, pValue: 1 };
  const p = durationAfterMs / (durationBeforeMs + durationAfterMs);
  let lowerTail = 0; // P(X <= kAfter)
  let upperTail = 0; // P(X >= kAfter)
  const pmfs = binomialPmfs(n, p);
  for (let k = 0; k <= n; k += 1) {
    const pmf = pmfs[k]!;
    if (k <= kAfter) lowerTail += pmf;
    if (k >= kAfter) upperTail += pmf;
  }
  return { rateBeforePerMin, rateAfterPerMin, pValue: Math.min(1, 2 * Math.min(lowerTail, upperTail)) };
}
