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

/** Ticks on multiples of `step`; `extend` widens the range to whole steps, otherwise ticks stay inside it. */
function ticksWithStep(min: number, max: number, step: number, extend: boolean): TickScale {
  const lo = extend ? Math.floor(min / step) * step : Math.ceil(min / step - 1e-9) * step;
  const hi = extend ? Math.ceil(max / step) * step : Math.floor(max / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step * 1e-9; i += 1) ticks.push(Number((lo + i * step).toPrecision(12)));
  return extend ? { min: lo, max: hi, ticks } : { min, max, ticks };
}

/** Ticks covering [min, max] with about `count` intervals. A zero-width range is widened around its value. */
export function niceTicks(min: number, max: number, count = 5, extend = true): TickScale {
  if (!(max > min)) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count, extend);
  }
  const rough = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return ticksWithStep(min, max, step, extend);
}

/** Ticks for a tMs axis on whole seconds or minutes, about `count` intervals, inside [minMs, maxMs]. */
export function timeTicks(minMs: number, maxMs: number, count = 6): TickScale {
  if (!(maxMs > minMs)) return timeTicks(minMs, minMs + 1000, count);
  const rough = (maxMs - minMs) / count;
  const step = TIME_STEPS_MS.find((s) => s >= rough) ?? Math.ceil(rough / 3_600_000) * 3_600_000;
  return ticksWithStep(minMs, maxMs, step, false);
}
