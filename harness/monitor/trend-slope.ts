/**
 * Theil-Sen slope (median of pairwise slopes) of [tMs, value] points, per minute. Robust to the spikes a single
 * GC or a slow turn causes. Inputs above maxPoints are decimated evenly first, so one call costs at most
 * maxPoints^2 / 2 divisions (7,200 for the default 120). Pure. Null below 3 points or over zero time.
 */
export type Point = readonly [tMs: number, value: number];

export function theilSenSlopePerMin(points: readonly Point[], maxPoints = 120): number | null {
  const n = points.length;
  if (n < 3) return null;
  const step = n > maxPoints ? n / maxPoints : 1;
  const used: Point[] = [];
  for (let i = 0; i < n && used.length < maxPoints; i = Math.floor((used.length + 1) * step)) used.push(points[i]!);
  const slopes: number[] = [];
  for (let i = 0; i < used.length; i += 1) {
    for (let j = i + 1; j < used.length; j += 1) {
      const dt = used[j]![0] - used[i]![0];
      if (dt > 0) slopes.push((used[j]![1] - used[i]![1]) / dt);
    }
  }
  if (slopes.length === 0) return null;
  slopes.sort((a, b) => a - b);
  const mid = slopes.length >> 1;
  const median = slopes.length % 2 ? slopes[mid]! : (slopes[mid - 1]! + slopes[mid]!) / 2;
  return median * 60_000;
}
