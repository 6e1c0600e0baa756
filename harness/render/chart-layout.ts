/**
 * Geometry of one chart: the data domain of a Series (points, highlights, trend ends, budget, warm-up), its ticks,
 * and the mapping from data to pixel coordinates. Pure module.
 */
import type { Series } from '../analyze/report/report-schema.ts';
import { niceTicks, timeTicks, type TickScale } from './chart-ticks.ts';

export interface ChartSize {
  widthPx: number;
  heightPx: number;
}

export interface ChartLayout {
  plot: { left: number; top: number; right: number; bottom: number };
  x: TickScale;
  y: TickScale;
  toPx: (x: number, y: number) => [number, number];
}

const MARGIN = { left: 72, right: 24, top: 40, bottom: 46 };

/** End points of the fitted trend line in data units, or null when the series has none. */
export function trendEnds(series: Series): [[number, number], [number, number]] | null {
  const trend = series.trend;
  if (!trend || series.xAxis !== 'time') return null;
  const endValue = trend.interceptAtFrom + (trend.slopePerMin * (trend.toMs - trend.fromMs)) / 60_000;
  return [
    [trend.fromMs, trend.interceptAtFrom],
    [trend.toMs, endValue],
  ];
}

/**
 * A budget far above the data (500 MB over a 60 MB heap) would flatten the chart; it is drawn only when it is within
 * 3x of the largest value, and otherwise named in the legend.
 */
export function budgetOnScale(series: Series): boolean {
  if (series.budget === undefined) return false;
  let dataMax = -Infinity;
  for (const [, y] of [...series.points, ...(series.highlight ?? [])]) dataMax = Math.max(dataMax, y);
  return !(dataMax > 0) || series.budget <= 3 * dataMax;
}

export function chartLayout(series: Series, size: ChartSize, warmupMs: number | undefined): ChartLayout {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [...series.points, ...(series.highlight ?? []), ...(trendEnds(series) ?? [])]) {
    xs.push(x);
    ys.push(y);
  }
  if (budgetOnScale(series)) ys.push(series.budget!);
  const isTime = series.xAxis === 'time';
  if (isTime) xs.push(0);
  if (isTime && warmupMs !== undefined && warmupMs > 0) xs.push(warmupMs);
  // Loops, not Math.min(...xs): a long soak has more points than a call may have arguments.
  const xMin = xs.length > 0 ? xs.reduce((a, b) => Math.min(a, b)) : 0;
  const xMax = xs.length > 0 ? xs.reduce((a, b) => Math.max(a, b)) : 1;
  const yMin = ys.reduce((a, b) => Math.min(a, b), 0);
  const yMax = ys.length > 0 ? ys.reduce((a, b) => Math.max(a, b)) : 1;
  const x = isTime ? timeTicks(xMin, xMax) : niceTicks(xMin, xMax, Math.min(8, Math.max(1, Math.ceil(xMax - xMin))), false);
  const y = niceTicks(yMin, yMax);
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: size.widthPx - MARGIN.right,
    bottom: size.heightPx - MARGIN.bottom,
  };
  const toPx = (dx: number, dy: number): [number, number] => [
    plot.left + ((dx - x.min) / (x.max - x.min)) * (plot.right - plot.left),
    plot.bottom - ((dy - y.min) / (y.max - y.min)) * (plot.bottom - plot.top),
  ];
  return { plot, x, y, toPx };
}
