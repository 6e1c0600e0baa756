/**
 * Mann-Whitney U test (Wilcoxon rank-sum), two-sided, normal approximation with tie correction and continuity
 * correction: the same numbers as scipy.stats.mannwhitneyu(x, y, method='asymptotic'). Pure module.
 */
import { normalCdf } from '../stats/normal-distribution.ts';

export interface MannWhitneyResult {
  /** U of the first sample: pairs (x, y) with x > y, ties counting one half. */
  uX: number;
  uY: number;
  z: number;
  /** Two-sided p-value. */
  pValue: number;
  /** P(a value from x > a value from y) + half the ties: uX / (nX * nY). 0.5 means no shift. */
  probabilityXGreater: number;
}

/** Average ranks (1-based) of the pooled sample, and the tie term sum(t^3 - t) over tie groups. */
function rankPooled(pooled: number[]): { ranks: Float64Array; tieTerm: number } {
  const order = pooled.map((_, i) => i).sort((a, b) => pooled[a]! - pooled[b]!);
  const ranks = new Float64Array(pooled.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && pooled[order[end]!] === pooled[order[start]!]) end += 1;
    const averageRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k += 1) ranks[order[k]!] = averageRank;
    const t = end - start;
    tieTerm += t * t * t - t;
    start = end;
  }
  return { ranks, tieTerm };
}

export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitneyResult {
  const nX = x.length;
  const nY = y.length;
  if (nX === 0 || nY === 0) throw new RangeError(`mannWhitneyU requires two non-empty samples, got ${nX} and ${nY}`);
  if ([...x, ...y].some((v) => !Number.isFinite(v))) throw new RangeError('mannWhitneyU requires finite values');
  const { ranks, tieTerm } = rankPooled([...x, ...y]);
  let rankSumX = 0;
  for (let i = 0; i < nX; i += 1) rankSumX += ranks[i]!;
  const uX = rankSumX - (nX * (nX + 1)) / 2;
  const uY = nX * nY - uX;
  const n = nX + nY;
  const mean = (nX * nY) / 2;
  const variance = ((nX * nY) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) return { uX, uY, z: 0, pValue: 1, probabilityXGreater: uX / (nX * nY) };
  const z = (Math.max(uX, uY) - mean - 0.5) / Math.sqrt(variance);
  const pValue = Math.min(1, 2 * (1 - normalCdf(z)));
  return { uX, uY, z, pValue, probabilityXGreater: uX / (nX * nY) };
}
