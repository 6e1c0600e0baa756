/**
 * A standalone SVG line chart of one Series: axes with tick labels (m:ss or turn number) and units, the warm-up
 * window shaded, the fitted trend line (interceptAtFrom + slopePerMin over fromMs..toMs), the budget line, and
 * highlighted points (post-GC lows). Deterministic (fixed decimals, no random ids); every text is escaped.
 * Pure: Series in, string out.
 */
import type { Series } from '../analyze/report/report-schema.ts';
import { budgetOnScale, chartLayout, trendEnds, type ChartLayout, type ChartSize } from './chart-layout.ts';
import { escapeHtml as esc } from './escape-html.ts';
import { formatMinSec, formatDecimals } from './format-value.ts';

export interface ChartOptions extends Partial<ChartSize> {
  /** Start of the run excluded from trend fits, shaded on time axes. */
  warmupMs?: number;
  /** Prefix for the clip-path id; give each chart in one document its own. */
  idPrefix?: string;
}

const COLORS = { line: '#2563eb', trend: '#d97706', budget: '#dc2626', highlight: '#7c3aed', warmup: '#e5e7eb', axis: '#374151', grid: '#e5e7eb' };
const px = (value: number) => formatDecimals(value, 1);

/** Bytes are drawn as MB or KB by magnitude (ticks on whole MB, not whole bytes); every other unit as it is. */
function inDisplayUnit(series: Series): Series {
  if (series.unit !== 'bytes') return series;
  let dataMax = 0;
  for (const [, y] of series.points) dataMax = Math.max(dataMax, Math.abs(y));
  const [divisor, label] = dataMax >= 1024 * 1024 ? [1024 * 1024, 'MB'] : dataMax >= 1024 ? [1024, 'KB'] : [1, 'bytes'];
  if (divisor === 1) return series;
  const scale = (points: [number, number][]) => points.map(([x, y]): [number, number] => [x, y / divisor]);
  // A trend fitted on bytes is in bytes/min; one already fitted in another unit is left alone.
  const trend = series.trend &&
    series.trend.unit === 'bytes/min' && {
      ...series.trend,
      slopePerMin: series.trend.slopePerMin / divisor,
      ciLowPerMin: series.trend.ciLowPerMin / divisor,
      ciHighPerMin: series.trend.ciHighPerMin / divisor,
      interceptAtFrom: series.trend.interceptAtFrom / divisor,
      unit: `${label}/min`,
    };
  return {
    ...series,
    unit: label,
    points: scale(series.points),
    highlight: series.highlight && scale(series.highlight),
    trend: trend || series.trend,
    budget: series.budget === undefined ? undefined : series.budget / divisor,
  };
}

/** Enough decimals to tell neighbouring ticks apart (step 0.05 -> 2), at most 6. */
function tickDecimals(ticks: number[]): number {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  return step > 0 ? Math.min(6, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9))) : 0;
}

export function renderChartSvg(sourceSeries: Series, opts: ChartOptions = {}): string {
  const series = inDisplayUnit(sourceSeries);
  const size = { widthPx: opts.widthPx ?? 720, heightPx: opts.heightPx ?? 280 };
  const clipId = `${(opts.idPrefix ?? 'chart').replace(/[^A-Za-z0-9_-]/g, '_')}-clip`;
  const layout = chartLayout(series, size, opts.warmupMs);
  const { plot, x, toPx } = layout;
  const isTime = series.xAxis === 'time';
  const out: string[] = [];
  const clip = `<defs><clipPath id="${clipId}"><rect x="${px(plot.left)}" y="${px(plot.top)}" width="${px(plot.right - plot.left)}" height="${px(plot.bottom - plot.top)}"/></clipPath></defs>`;
  out.push(...chartHeading('chart', size, `${series.title} (${sourceSeries.unit})`, series.title, plot.left, clip));
  if (isTime && opts.warmupMs !== undefined && opts.warmupMs > 0) {
    const [x0] = toPx(x.min, 0);
    const [x1] = toPx(Math.min(opts.warmupMs, x.max), 0);
    out.push(
      `<rect class="warmup" x="${px(x0)}" y="${px(plot.top)}" width="${px(Math.max(0, x1 - x0))}" height="${px(plot.bottom - plot.top)}" fill="${COLORS.warmup}" opacity="0.7"/>`,
      `<text x="${px(x0 + 4)}" y="${px(plot.top + 12)}" fill="#6b7280">warm-up</text>`,
    );
  }
  out.push(...chartAxes(layout, size, isTime, series.unit));
  out.push(`<g clip-path="url(#${clipId})">`);
  if (series.points.length > 0) {
    const coords = series.points.map(([dx, dy]) => toPx(dx, dy).map(px).join(',')).join(' ');
    out.push(`<polyline class="series" points="${coords}" fill="none" stroke="${COLORS.line}" stroke-width="1.5" stroke-linejoin="round"/>`);
    if (!isTime) out.push(...series.points.map(([dx, dy]) => pointCircle(toPx(dx, dy), 2.5, COLORS.line)));
  }
  if (budgetOnScale(series)) {
    const [, by] = toPx(x.min, series.budget!);
    out.push(
      `<line class="budget" x1="${px(plot.left)}" y1="${px(by)}" x2="${px(plot.right)}" y2="${px(by)}" stroke="${COLORS.budget}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    );
  }
  const ends = trendEnds(series);
  if (ends) {
    const [ax, ay] = toPx(...ends[0]);
    const [bx, by] = toPx(...ends[1]);
    out.push(
      `<line class="trend" x1="${px(ax)}" y1="${px(ay)}" x2="${px(bx)}" y2="${px(by)}" stroke="${COLORS.trend}" stroke-width="2" stroke-dasharray="8 3"/>`,
    );
  }
  out.push(...(series.highlight ?? []).map(([dx, dy]) => pointCircle(toPx(dx, dy), 3.5, COLORS.highlight, 'highlight')));
  out.push('</g>');
  out.push(legend(series, plot.right));
  if (series.points.length === 0) {
    out.push(`<text x="${px((plot.left + plot.right) / 2)}" y="${px((plot.top + plot.bottom) / 2)}" text-anchor="middle" fill="#6b7280">no data</text>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/**
 * The opening <svg> tag, its <title>, `defs` when given, white background and the bold heading: every chart starts
 * so. `className` is the svg's class ('chart' for a Series chart).
 */
export function chartHeading(className: string, size: ChartSize, title: string, heading: string, left: number, defs?: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="${esc(className)}" role="img" width="${size.widthPx}" height="${size.heightPx}" viewBox="0 0 ${size.widthPx} ${size.heightPx}" font-family="sans-serif" font-size="11">`,
    `<title>${esc(title)}</title>`,
    ...(defs ? [defs] : []),
    `<rect x="0" y="0" width="${size.widthPx}" height="${size.heightPx}" fill="#ffffff"/>`,
    `<text x="${px(left)}" y="16" font-size="13" font-weight="bold" fill="${COLORS.axis}">${esc(heading)}</text>`,
  ];
}

/** Grid lines with y tick labels, x ticks (m:ss on a time axis, turn numbers otherwise), both axes and their titles. */
export function chartAxes(layout: ChartLayout, size: ChartSize, isTime: boolean, unit: string): string[] {
  const { plot, x, y, toPx } = layout;
  const out: string[] = [];
  const yDecimals = tickDecimals(y.ticks);
  for (const tick of y.ticks) {
    const [, ty] = toPx(x.min, tick);
    out.push(
      `<line x1="${px(plot.left)}" y1="${px(ty)}" x2="${px(plot.right)}" y2="${px(ty)}" stroke="${COLORS.grid}" stroke-width="1"/>`,
      `<text x="${px(plot.left - 6)}" y="${px(ty + 4)}" text-anchor="end" fill="${COLORS.axis}">${esc(formatDecimals(tick, yDecimals))}</text>`,
    );
  }
  for (const tick of x.ticks) {
    const [tx] = toPx(tick, y.min);
    const label = isTime ? formatMinSec(tick) : formatDecimals(tick, 0);
    out.push(
      `<line x1="${px(tx)}" y1="${px(plot.bottom)}" x2="${px(tx)}" y2="${px(plot.bottom + 4)}" stroke="${COLORS.axis}"/>`,
      `<text x="${px(tx)}" y="${px(plot.bottom + 16)}" text-anchor="middle" fill="${COLORS.axis}">${esc(label)}</text>`,
    );
  }
  out.push(
    `<line x1="${px(plot.left)}" y1="${px(plot.bottom)}" x2="${px(plot.right)}" y2="${px(plot.bottom)}" stroke="${COLORS.axis}"/>`,
    `<line x1="${px(plot.left)}" y1="${px(plot.top)}" x2="${px(plot.left)}" y2="${px(plot.bottom)}" stroke="${COLORS.axis}"/>`,
    `<text x="${px((plot.left + plot.right) / 2)}" y="${px(size.heightPx - 8)}" text-anchor="middle" fill="${COLORS.axis}">${isTime ? 'time (m:ss)' : 'turn'}</text>`,
    `<text transform="translate(14 ${px((plot.top + plot.bottom) / 2)}) rotate(-90)" text-anchor="middle" fill="${COLORS.axis}">${esc(unit)}</text>`,
  );
  return out;
}

export function pointCircle([cx, cy]: [number, number], r: number, fill: string, cls = 'point'): string {
  return `<circle class="${cls}" cx="${px(cx)}" cy="${px(cy)}" r="${r}" fill="${fill}"/>`;
}

function legend(series: Series, right: number): string {
  const items: string[] = [];
  const trend = series.trend;
  if (trend) {
    const ci = `[${formatDecimals(trend.ciLowPerMin)}, ${formatDecimals(trend.ciHighPerMin)}]`;
    items.push(`<tspan fill="${COLORS.trend}">trend ${esc(`${formatDecimals(trend.slopePerMin)} ${trend.unit} ${ci}`)}</tspan>`);
  }
  if (series.budget !== undefined) {
    const where = budgetOnScale(series) ? '' : ' (above chart)';
    items.push(`<tspan fill="${COLORS.budget}"> budget ${esc(`${formatDecimals(series.budget)} ${series.unit}`)}${where}</tspan>`);
  }
  const highlightLabel = /heap/i.test(series.id) ? 'post-GC lows' : 'highlighted';
  if ((series.highlight?.length ?? 0) > 0) items.push(`<tspan fill="${COLORS.highlight}"> \u25CF ${esc(highlightLabel)}</tspan>`);
  return `<text x="${px(right)}" y="30" text-anchor="end">${items.join('')}</text>`;
}
