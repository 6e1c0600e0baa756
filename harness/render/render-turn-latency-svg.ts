/**
 * The per-turn latency chart of the audio edges: mouth-to-ear (end of the caller's speech to the first audible
 * reply frame) and the protocol TTFR (speech_stopped to the first audio delta) of the same utterance, one point
 * each per turn, with the mouth-to-ear p95 budget. The space between the two lines is what the client adds
 * (buffering, playback scheduling). Deterministic; every text is escaped. Pure: Report in, string out.
 */
import type { Report, Series } from '../analyze/report/report-schema.ts';
import { budgetOnScale, chartLayout, type ChartSize } from './chart-layout.ts';
import { escapeHtml as esc } from './escape-html.ts';
import { formatDecimals, formatMs } from './format-value.ts';
import { chartAxes, chartHeading, pointCircle } from './render-svg.ts';

export const TURN_LATENCY_TITLE = 'Mouth-to-ear and protocol TTFR per turn';
const COLORS = { mouthToEar: '#2563eb', ttfr: '#059669', budget: '#dc2626' };
const px = (value: number) => formatDecimals(value, 1);

type Point = [number, number];

/** [turn number, ms] per utterance (numbered from 1, as the mouth-to-ear-ms series is); turns without a value skipped. */
export function turnLatencyPoints(edges: NonNullable<Report['edges']>): { mouthToEar: Point[]; ttfr: Point[] } {
  const pick = (value: (t: (typeof edges.turns)[number]) => number | null) =>
    edges.turns.flatMap((t, i): Point[] => {
      const v = value(t);
      return v === null ? [] : [[i + 1, v]];
    });
  return { mouthToEar: pick((t) => t.mouthToEarMs), ttfr: pick((t) => t.ttfrMs) };
}

/** The chart, or null when the report has no audio edges or no turn with either time. */
export function renderTurnLatencySvg(report: Report, size: Partial<ChartSize> = {}): string | null {
  const edges = report.edges;
  if (!edges) return null;
  const dims = { widthPx: size.widthPx ?? 720, heightPx: size.heightPx ?? 280 };
  const { mouthToEar, ttfr } = turnLatencyPoints(edges);
  if (mouthToEar.length === 0 && ttfr.length === 0) return null;
  const budget = report.thresholds.mouthToEarP95Ms;
  // One Series holding both lines gives the shared domain, ticks and budget rule of the other charts.
  const both: Series = { id: 'mouth-to-ear-and-ttfr', title: TURN_LATENCY_TITLE, unit: 'ms', points: [...mouthToEar, ...ttfr], budget, xAxis: 'turn' };
  const layout = chartLayout(both, dims, undefined);
  const { plot, x, toPx } = layout;
  const out = [
    ...chartHeading('edge-chart turn-latency', dims, `${TURN_LATENCY_TITLE} (ms)`, TURN_LATENCY_TITLE, plot.left),
    ...chartAxes(layout, dims, false, 'ms'),
  ];
  if (budgetOnScale(both)) {
    const [, by] = toPx(x.min, budget);
    out.push(
      `<line class="budget" x1="${px(plot.left)}" y1="${px(by)}" x2="${px(plot.right)}" y2="${px(by)}" stroke="${COLORS.budget}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    );
  }
  const line = (points: Point[], cls: string, color: string) => {
    if (points.length === 0) return [];
    const coords = points.map(([dx, dy]) => toPx(dx, dy).map(px).join(',')).join(' ');
    return [
      `<polyline class="series ${cls}" points="${coords}" fill="none" stroke="${color}" stroke-width="1.5" stroke-linejoin="round"/>`,
      ...points.map(([dx, dy]) => pointCircle(toPx(dx, dy), 2.5, color, `point ${cls}`)),
    ];
  };
  out.push(...line(ttfr, 'ttfr', COLORS.ttfr), ...line(mouthToEar, 'mouth-to-ear', COLORS.mouthToEar));
  const m = report.metrics;
  const where = budgetOnScale(both) ? '' : ' (above chart)';
  out.push(
    `<text x="${px(plot.right)}" y="30" text-anchor="end">` +
      `<tspan fill="${COLORS.mouthToEar}">\u25CF mouth-to-ear p95 ${esc(formatMs(m.mouthToEarP95Ms))} ms</tspan>` +
      `<tspan dx="10" fill="${COLORS.ttfr}">\u25CF protocol TTFR p95 ${esc(formatMs(m.ttfrP95Ms))} ms</tspan>` +
      `<tspan dx="10" fill="${COLORS.budget}">budget p95 ${esc(formatDecimals(budget))} ms${where}</tspan></text>`,
  );
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
