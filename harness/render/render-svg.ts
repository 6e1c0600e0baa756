/**
 * A standalone SVG line chart of one Series: axes with tick labels (m:ss or turn number) and units, the warm-up
 * window shaded, the fitted trend line (interceptAtFrom + slopePerMin over fromMs..toMs), the budget line, and
 * highlighted points (post-GC lows). Deterministic (fixed decimals, no random ids); every text is escaped.
 * Pure: Series in, string out.
 */
import type { Series } from '../core/report/report-schema.ts';
import { chartLayout, trendEnds, type ChartSize } from './chart-layout.ts';
import { escapeHtml as esc } from './escape-html.ts';
import { formatMinSec, formatNumber } from './format-value.ts';

export interface ChartOptions extends Partial<ChartSize> {
  /** Start of the run excluded from trend fits, shaded on time axes. */
  warmupMs?: number;
  /** Prefix for the clip-path id; give each chart in one document its own. */
  idPrefix?: string;
}

const COLORS = { line: '#2563eb', trend: '#d97706', budget: '#dc2626', highlight: '#7c3aed', warmup: '#e5e7eb', axis: '#374151', grid: '#e5e7eb' };
const px = (value: number) => formatNumber(value, 1);

function axisUnit(unit: string): { label: string; scale: number } {
  return unit === 'bytes' ? { label: 'MB', scale: 1 / (1024 * 1024) } : { label: unit, scale: 1 };
}

export function renderChartSvg(series: Series, opts: ChartOptions = {}): string {
  const size = { widthPx: opts.widthPx ?? 720, heightPx: opts.heightPx ?? 280 };
  const clipId = `${(opts.idPrefix ?? 'chart').replace(/[^A-Za-z0-9_-]/g, '_')}-clip`;
  const { plot, x, y, toPx } = chartLayout(series, size, opts.warmupMs);
  const isTime = series.xAxis === 'time';
  const unit = axisUnit(series.unit);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="${size.widthPx}" height="${size.heightPx}" viewBox="0 0 ${size.widthPx} ${size.heightPx}" font-family="sans-serif" font-size="11">`,
    `<title>${esc(`${series.title} (${series.unit})`)}</title>`,
    `<defs><clipPath id="${clipId}"><rect x="${px(plot.left)}" y="${px(plot.top)}" width="${px(plot.right - plot.left)}" height="${px(plot.bottom - plot.top)}"/></clipPath></defs>`,
    `<rect x="0" y="0" width="${size.widthPx}" height="${size.heightPx}" fill="#ffffff"/>`,
    `<text x="${px(plot.left)}" y="16" font-size="13" font-weight="bold" fill="${COLORS.axis}">${esc(series.title)}</text>`,
  );
  if (isTime && opts.warmupMs !== undefined && opts.warmupMs > 0) {
    const [x0] = toPx(x.min, 0);
    const [x1] = toPx(Math.min(opts.warmupMs, x.max), 0);
    out.push(
      `<rect class="warmup" x="${px(x0)}" y="${px(plot.top)}" width="${px(Math.max(0, x1 - x0))}" height="${px(plot.bottom - plot.top)}" fill="${COLORS.warmup}" opacity="0.7"/>`,
      `<text x="${px(x0 + 4)}" y="${px(plot.top + 12)}" fill="#6b7280">warm-up</text>`,
    );
  }
  for (const tick of y.ticks) {
    const [, ty] = toPx(x.min, tick);
    out.push(
      `<line x1="${px(plot.left)}" y1="${px(ty)}" x2="${px(plot.right)}" y2="${px(ty)}" stroke="${COLORS.grid}" stroke-width="1"/>`,
      `<text x="${px(plot.left - 6)}" y="${px(ty + 4)}" text-anchor="end" fill="${COLORS.axis}">${esc(formatNumber(tick * unit.scale, 2))}</text>`,
    );
  }
  for (const tick of x.ticks) {
    const [tx] = toPx(tick, y.min);
    const label = isTime ? formatMinSec(tick) : formatNumber(tick, 0);
    out.push(
      `<line x1="${px(tx)}" y1="${px(plot.bottom)}" x2="${px(tx)}" y2="${px(plot.bottom + 4)}" stroke="${COLORS.axis}"/>`,
      `<text x="${px(tx)}" y="${px(plot.bottom + 16)}" text-anchor="middle" fill="${COLORS.axis}">${esc(label)}</text>`,
    );
  }
  out.push(
    `<line x1="${px(plot.left)}" y1="${px(plot.bottom)}" x2="${px(plot.right)}" y2="${px(plot.bottom)}" stroke="${COLORS.axis}"/>`,
    `<line x1="${px(plot.left)}" y1="${px(plot.top)}" x2="${px(plot.left)}" y2="${px(plot.bottom)}" stroke="${COLORS.axis}"/>`,
    `<text x="${px((plot.left + plot.right) / 2)}" y="${px(size.heightPx - 8)}" text-anchor="middle" fill="${COLORS.axis}">${isTime ? 'time (m:ss)' : 'turn'}</text>`,
    `<text transform="translate(14 ${px((plot.top + plot.bottom) / 2)}) rotate(-90)" text-anchor="middle" fill="${COLORS.axis}">${esc(unit.label)}</text>`,
  );
  out.push(`<g clip-path="url(#${clipId})">`);
  if (series.points.length > 0) {
    const coords = series.points.map(([dx, dy]) => toPx(dx, dy).map(px).join(',')).join(' ');
    out.push(`<polyline class="series" points="${coords}" fill="none" stroke="${COLORS.line}" stroke-width="1.5" stroke-linejoin="round"/>`);
    if (!isTime) out.push(...series.points.map(([dx, dy]) => circle(toPx(dx, dy), 2.5, COLORS.line)));
  }
  if (series.budget !== undefined) {
    const [, by] = toPx(x.min, series.budget);
    out.push(`<line class="budget" x1="${px(plot.left)}" y1="${px(by)}" x2="${px(plot.right)}" y2="${px(by)}" stroke="${COLORS.budget}" stroke-width="1.5" stroke-dasharray="6 4"/>`);
  }
  const ends = trendEnds(series);
  if (ends) {
    const [ax, ay] = toPx(...ends[0]);
    const [bx, by] = toPx(...ends[1]);
    out.push(`<line class="trend" x1="${px(ax)}" y1="${px(ay)}" x2="${px(bx)}" y2="${px(by)}" stroke="${COLORS.trend}" stroke-width="2" stroke-dasharray="8 3"/>`);
  }
  out.push(...(series.highlight ?? []).map(([dx, dy]) => circle(toPx(dx, dy), 3.5, COLORS.highlight, 'highlight')));
  out.push('</g>');
  out.push(legend(series, plot.right, unit));
  if (series.points.length === 0) {
    out.push(`<text x="${px((plot.left + plot.right) / 2)}" y="${px((plot.top + plot.bottom) / 2)}" text-anchor="middle" fill="#6b7280">no data</text>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function circle([cx, cy]: [number, number], r: number, fill: string, cls = 'point'): string {
  return `<circle class="${cls}" cx="${px(cx)}" cy="${px(cy)}" r="${r}" fill="${fill}"/>`;
}

function legend(series: Series, right: number, unit: { label: string; scale: number }): string {
  const items: string[] = [];
  const trend = series.trend;
  if (trend) {
    // Bytes are shown as MB on the axis, so the slope is too; other units keep the trend's own unit.
    const trendUnit = unit.scale === 1 ? trend.unit : `${unit.label}/min`;
    const ci = `[${formatNumber(trend.ciLowPerMin * unit.scale)}, ${formatNumber(trend.ciHighPerMin * unit.scale)}]`;
    items.push(`<tspan fill="${COLORS.trend}">trend ${esc(`${formatNumber(trend.slopePerMin * unit.scale)} ${trendUnit} ${ci}`)}</tspan>`);
  }
  if (series.budget !== undefined) items.push(`<tspan fill="${COLORS.budget}"> budget ${esc(`${formatNumber(series.budget * unit.scale)} ${unit.label}`)}</tspan>`);
  const highlightLabel = /heap/i.test(series.id) ? 'post-GC lows' : 'highlighted';
  if ((series.highlight?.length ?? 0) > 0) items.push(`<tspan fill="${COLORS.highlight}"> \u25CF ${highlightLabel}</tspan>`);
  return `<text x="${px(right)}" y="30" text-anchor="end">${items.join('')}</text>`;
}
