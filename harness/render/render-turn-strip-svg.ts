/**
 * The timeline strip of the slowest answered turn (report.edges.slowest): the caller's speech as a bar, the protocol
 * events as labelled ticks, and the output's loudness envelope (dBFS, floored at -60), on an axis in seconds from
 * the end of the caller's speech, with the mouth-to-ear wait shaded. It shows where that turn's time went: in the
 * server (the events come late) or in the client (audio arrived, nothing was heard yet). Deterministic; every text
 * is escaped. Pure: Report in, string out.
 */
import type { EdgesReport } from '../analyze/report/edges-report-schema.ts';
import type { Report } from '../analyze/report/report-schema.ts';
import type { ChartSize } from './chart-layout.ts';
import { niceTicks } from './chart-ticks.ts';
import { escapeHtml as esc } from './escape-html.ts';
import { formatDecimals, formatMs } from './format-value.ts';
import { chartHeading } from './render-svg.ts';

export const TURN_STRIP_TITLE = 'Slowest turn: mic speech, events, output loudness';
const COLORS = { speech: '#7c3aed', event: '#6b7280', edge: '#dc2626', wait: '#fde68a', output: '#2563eb', outputFill: '#bfdbfe', axis: '#374151' };
const MARGIN = { left: 72, right: 24 };
const LANES = { micTop: 42, micBottom: 58, labelRows: [74, 88, 102], outputTop: 114, outputBottom: 194 };
const FLOOR_DB = -60;
/** Labels the analyzer adds at the two edges (edges-report.ts); drawn in the edge colour. */
const EDGE_LABELS = new Set(['caller stops', 'reply heard']);
const px = (value: number) => formatDecimals(value, 1);
/** Rough label width at font-size 10, to keep labels on separate rows. */
const labelWidthPx = (label: string) => label.length * 5.6 + 6;

type Slowest = NonNullable<EdgesReport['slowest']>;

/** The row of report.edges.turns the strip shows (same end of speech), and its number (from 1) on the turn chart. */
function slowestRow(edges: EdgesReport, slowest: Slowest) {
  const index = edges.turns.findIndex((t) => Math.abs(t.speechEndMs - slowest.speech[1]) < 0.5);
  return index === -1 ? null : { index, turn: edges.turns[index]! };
}

/** The events' label rows: each label goes on the first row it does not overlap (the last row when all are taken). */
function labelRows(xs: number[], labels: string[], right: number): { row: number; anchorEnd: boolean }[] {
  const rowEnds = LANES.labelRows.map(() => -Infinity);
  return xs.map((x, i) => {
    const width = labelWidthPx(labels[i]!);
    const anchorEnd = x + 3 + width > right;
    const left = anchorEnd ? x - 3 - width : x + 3;
    let row = rowEnds.findIndex((end) => end <= left);
    if (row === -1) row = rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = anchorEnd ? x : left + width;
    return { row, anchorEnd };
  });
}

/** The strip, or null when the report has no answered turn to show. */
export function renderTurnStripSvg(report: Report, size: Partial<ChartSize> = {}): string | null {
  const edges = report.edges;
  const slowest = edges?.slowest;
  if (!edges || !slowest) return null;
  const dims = { widthPx: size.widthPx ?? 720, heightPx: size.heightPx ?? 236 };
  const plot = { left: MARGIN.left, right: dims.widthPx - MARGIN.right };
  const zero = slowest.speech[1];
  const ticks = niceTicks(slowest.fromMs - zero, slowest.toMs - zero, 8, false);
  const span = slowest.toMs - slowest.fromMs || 1;
  const clampT = (tMs: number) => Math.min(slowest.toMs, Math.max(slowest.fromMs, tMs));
  const toX = (tMs: number) => plot.left + ((clampT(tMs) - slowest.fromMs) / span) * (plot.right - plot.left);
  const toY = (db: number) => LANES.outputBottom - ((Math.min(0, Math.max(FLOOR_DB, db)) - FLOOR_DB) / -FLOOR_DB) * (LANES.outputBottom - LANES.outputTop);

  const row = slowestRow(edges, slowest);
  const heardAt = slowest.events.find((e) => e.label === 'reply heard')?.tMs;
  const mouthToEarMs = row?.turn.mouthToEarMs ?? (heardAt === undefined ? null : heardAt - zero);
  const turnName = row ? `turn ${row.index + 1}` : slowest.turn === null ? 'turn' : `turn ${slowest.turn + 1}`;
  const heading = `Slowest turn (${turnName}): mouth-to-ear ${formatMs(mouthToEarMs)} ms, protocol TTFR ${formatMs(row?.turn.ttfrMs)} ms`;
  const out = chartHeading('edge-chart turn-strip', dims, TURN_STRIP_TITLE, heading, plot.left);

  // Lanes and their names.
  const laneName = (y: number, text: string) => `<text x="${px(plot.left - 6)}" y="${px(y)}" text-anchor="end" fill="${COLORS.axis}">${esc(text)}</text>`;
  out.push(
    laneName((LANES.micTop + LANES.micBottom) / 2 + 4, 'mic'),
    laneName(LANES.labelRows[1]! + 4, 'events'),
    laneName((LANES.outputTop + LANES.outputBottom) / 2 + 4, 'output'),
    `<text x="${px(plot.left - 6)}" y="${px(LANES.outputTop + 8)}" text-anchor="end" font-size="9" fill="${COLORS.event}">0 dB</text>`,
    `<text x="${px(plot.left - 6)}" y="${px(LANES.outputBottom)}" text-anchor="end" font-size="9" fill="${COLORS.event}">${FLOOR_DB} dB</text>`,
    `<rect x="${px(plot.left)}" y="${px(LANES.outputTop)}" width="${px(plot.right - plot.left)}" height="${px(LANES.outputBottom - LANES.outputTop)}" fill="#f9fafb" stroke="#e5e7eb"/>`,
  );
  // The wait the caller hears: from the end of speech to the first audible reply frame.
  if (heardAt !== undefined && heardAt > zero) {
    out.push(
      `<rect class="wait" x="${px(toX(zero))}" y="${px(LANES.outputTop)}" width="${px(toX(heardAt) - toX(zero))}" height="${px(LANES.outputBottom - LANES.outputTop)}" fill="${COLORS.wait}" opacity="0.6"/>`,
    );
    const waitLabel = `mouth-to-ear ${formatMs(heardAt - zero)} ms`;
    if (toX(heardAt) - toX(zero) > labelWidthPx(waitLabel)) {
      out.push(
        `<text class="wait-label" x="${px((toX(zero) + toX(heardAt)) / 2)}" y="${px(LANES.outputBottom - 8)}" text-anchor="middle" font-size="10" fill="#92400e">${esc(waitLabel)}</text>`,
      );
    }
  }
  // The caller's speech, cut to the strip's window.
  const [speechFrom, speechTo] = [toX(slowest.speech[0]), toX(slowest.speech[1])];
  out.push(
    `<rect class="speech" x="${px(speechFrom)}" y="${LANES.micTop}" width="${px(Math.max(1, speechTo - speechFrom))}" height="${LANES.micBottom - LANES.micTop}" fill="${COLORS.speech}" opacity="0.8"/>`,
  );
  // The output envelope as a filled area over the floor.
  if (slowest.output.length > 0) {
    const inWindow = slowest.output.filter(([t]) => t >= slowest.fromMs && t <= slowest.toMs);
    const coords = inWindow.map(([t, db]) => `${px(toX(t))},${px(toY(db))}`);
    if (coords.length > 0) {
      const first = px(toX(inWindow[0]![0]));
      const last = px(toX(inWindow[inWindow.length - 1]![0]));
      out.push(
        `<polyline class="output" points="${[`${first},${px(LANES.outputBottom)}`, ...coords, `${last},${px(LANES.outputBottom)}`].join(' ')}" fill="${COLORS.outputFill}" stroke="${COLORS.output}" stroke-width="1" stroke-linejoin="round"/>`,
      );
    }
  } else {
    out.push(
      `<text x="${px((plot.left + plot.right) / 2)}" y="${px((LANES.outputTop + LANES.outputBottom) / 2)}" text-anchor="middle" fill="${COLORS.event}">no output frames</text>`,
    );
  }
  // Events: a tick through all lanes, and the label on the first free row.
  const events = slowest.events.filter((e) => e.tMs >= slowest.fromMs && e.tMs <= slowest.toMs);
  const xs = events.map((e) => toX(e.tMs));
  const rows = labelRows(
    xs,
    events.map((e) => e.label),
    plot.right,
  );
  events.forEach((event, i) => {
    const color = EDGE_LABELS.has(event.label) ? COLORS.edge : COLORS.event;
    const { row: r, anchorEnd } = rows[i]!;
    const x = xs[i]!;
    out.push(
      `<line class="event" x1="${px(x)}" y1="${LANES.micTop - 2}" x2="${px(x)}" y2="${LANES.outputBottom}" stroke="${color}" stroke-width="1" stroke-dasharray="3 2"/>`,
      `<text class="event-label" x="${px(anchorEnd ? x - 3 : x + 3)}" y="${LANES.labelRows[r]!}"${anchorEnd ? ' text-anchor="end"' : ''} font-size="10" fill="${color}">${esc(event.label)}</text>`,
    );
  });
  // The time axis: seconds from the end of the caller's speech.
  const axisY = LANES.outputBottom;
  out.push(`<line x1="${px(plot.left)}" y1="${axisY}" x2="${px(plot.right)}" y2="${axisY}" stroke="${COLORS.axis}"/>`);
  for (const tick of ticks.ticks) {
    const tx = toX(zero + tick);
    const label = `${tick > 0 ? '+' : ''}${formatDecimals(tick / 1000, 2)} s`;
    out.push(
      `<line x1="${px(tx)}" y1="${axisY}" x2="${px(tx)}" y2="${axisY + 4}" stroke="${COLORS.axis}"/>`,
      `<text x="${px(tx)}" y="${axisY + 16}" text-anchor="middle" fill="${COLORS.axis}">${esc(label)}</text>`,
    );
  }
  out.push(
    `<text x="${px((plot.left + plot.right) / 2)}" y="${dims.heightPx - 8}" text-anchor="middle" fill="${COLORS.axis}">seconds from the end of the caller&#39;s speech</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}
