/**
 * Downsample a time series for charts: split into equal-count buckets and keep each bucket's minimum and maximum
 * (in time order), so spikes and dips survive. An 8-hour series of 28,800 points becomes at most maxPoints.
 */
export type Point = [number, number];

export function downsampleMinMax(points: readonly Point[], maxPoints = 600): Point[] {
  if (maxPoints < 2) throw new RangeError(`downsampleMinMax requires maxPoints >= 2, got ${maxPoints}`);
  if (points.length <= maxPoints) return points.slice();
  const buckets = Math.floor(maxPoints / 2);
  const size = points.length / buckets;
  const out: Point[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(points.length, Math.floor((b + 1) * size));
    let min = start;
    let max = start;
    for (let i = start + 1; i < end; i++) {
      if (points[i]![1] < points[min]![1]) min = i;
      if (points[i]![1] > points[max]![1]) max = i;
    }
    if (min === max) out.push(points[min]!);
    else if (min < max) out.push(points[min]!, points[max]!);
    else out.push(points[max]!, points[min]!);
  }
  return out;
}
