/**
 * Post-GC lows of a heap series: what the heap returns to after garbage collection. A leak shows as a rising
 * floor; the sawtooth's peaks are allocation noise. Uses samples marked afterGc when there are enough of them,
 * else the minimum of each window, the window sized to span the observed GC cycle (sawtooth-aware).
 */
export interface PostGcLows {
  tMs: number[];
  bytes: number[];
  method: 'after-gc' | 'window-minima';
  windowMs: number | null;
}

const MIN_AFTER_GC_POINTS = 5;
const MIN_WINDOW_MS = 30_000;

export function postGcLows(tMs: ArrayLike<number>, bytes: ArrayLike<number>, afterGc?: ArrayLike<boolean>): PostGcLows {
  const n = tMs.length;
  if (afterGc) {
    const lows: PostGcLows = { tMs: [], bytes: [], method: 'after-gc', windowMs: null };
    for (let i = 0; i < n; i++) {
      if (afterGc[i]) {
        lows.tMs.push(tMs[i]!);
        lows.bytes.push(bytes[i]!);
      }
    }
    if (lows.tMs.length >= MIN_AFTER_GC_POINTS) return lows;
  }
  const windowMs = gcAwareWindowMs(tMs, bytes);
  const lows: PostGcLows = { tMs: [], bytes: [], method: 'window-minima', windowMs };
  if (n === 0) return lows;
  let windowStart = tMs[0]!;
  let best = -1;
  for (let i = 0; i < n; i++) {
    if (tMs[i]! >= windowStart + windowMs) {
      if (best >= 0) {
        lows.tMs.push(tMs[best]!);
        lows.bytes.push(bytes[best]!);
      }
      windowStart += Math.floor((tMs[i]! - windowStart) / windowMs) * windowMs;
      best = -1;
    }
    if (best < 0 || bytes[i]! < bytes[best]!) best = i;
  }
  // The last window counts only if it covers at least half a window (a partial one would bias the end).
  if (best >= 0 && tMs[n - 1]! - windowStart >= windowMs / 2) {
    lows.tMs.push(tMs[best]!);
    lows.bytes.push(bytes[best]!);
  }
  return lows;
}

/** Twice the median interval between GC drops (a fall of more than 5%), at least 30 s, at most 1/6 of the span. */
function gcAwareWindowMs(tMs: ArrayLike<number>, bytes: ArrayLike<number>): number {
  const n = tMs.length;
  if (n < 2) return MIN_WINDOW_MS;
  const dropTimes: number[] = [];
  for (let i = 1; i < n; i++) if (bytes[i]! < bytes[i - 1]! * 0.95) dropTimes.push(tMs[i]!);
  const intervals: number[] = [];
  for (let i = 1; i < dropTimes.length; i++) intervals.push(dropTimes[i]! - dropTimes[i - 1]!);
  intervals.sort((a, b) => a - b);
  const medianInterval = intervals.length ? intervals[Math.floor(intervals.length / 2)]! : 0;
  const spanMs = tMs[n - 1]! - tMs[0]!;
  return Math.max(MIN_WINDOW_MS, Math.min(2 * medianInterval, spanMs / 6));
}
