/**
 * Axis ticks for the SVG charts: "nice" linear ticks (1, 2, 5 x 10^n) and time ticks on whole seconds/minutes.
 * Pure module.
 */

export interface TickScale {
  min: number;
  max: number;
  ticks: number[];
}

const TIME_STEPS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200].map((s) => s * 1000);

function ticksWithStep(min: number, max: number, step: number): TickScale {
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step * 1e-9; i += 1) ticks.push(Number((lo + i * step).toPrecision(12)));
  return { min: lo, max: hi, ticks };
}

/** Ticks covering [min, max] with about `count` intervals. A zero-width range is widened around its value. */
export function niceTicks(min: number, max: number, count = 5): TickScale {
  if (!(max > min)) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const rough = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return ticksWithStep(min, max, step);
}

/** Ticks for a tMs axis on whole seconds or minutes, about `count` intervals. */
export function timeTicks(minMs: number, maxMs: number, count = 6): TickScale {
  if (!(maxMs > minMs)) return timeTicks(minMs, minMs + 1000, count);
  const rough = (maxMs - minMs) / count;
  const step = TIME_STEPS_MS.find((s) => s >= rough) ?? Math.ceil(rough / 3_600_000) * 3_600_000;
  return ticksWithStep(minMs, maxMs, step);
}
