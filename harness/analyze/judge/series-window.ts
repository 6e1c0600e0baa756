/** Values of a series inside [fromMs, toMs]. */
import type { TimeSeries } from './collected-data.ts';

export function valuesBetween(series: TimeSeries, fromMs: number, toMs = Infinity): number[] {
  const out: number[] = [];
  for (let i = 0; i < series.tMs.length; i++) {
    const t = series.tMs[i]!;
    if (t >= fromMs && t <= toMs) out.push(series.values[i]!);
  }
  return out;
}

/** The closing window used for "at the end of the run" levels: the last minute, at most a quarter of the run. */
export function endWindowFromMs(durationMs: number): number {
  return durationMs - Math.min(60_000, durationMs / 4);
}
