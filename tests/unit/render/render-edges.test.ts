/**
 * The audio edges in the renderers, on reports analyze() made from synthetic logs (mic records and output-tap frames
 * per turn) and on hand-built edge sections: the text report's mouth-to-ear lines beside the protocol TTFR (the seed's
 * fields kept), the Markdown rows, the per-turn latency chart (both series, point by point), the slowest turn's strip
 * (speech bar, labelled events, loudness envelope), their place in the HTML report and among the report files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { EdgesReport } from '../../../harness/analyze/report/edges-report-schema.ts';
import type { Report } from '../../../harness/analyze/report/report-schema.ts';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { edgeCharts } from '../../../harness/render/edge-charts.ts';
import { escapeHtml } from '../../../harness/render/escape-html.ts';
import { formatMs, formatReadable } from '../../../harness/render/format-value.ts';
import { renderHtml } from '../../../harness/render/render-html.ts';
import { renderMarkdown } from '../../../harness/render/render-markdown.ts';
import { renderText } from '../../../harness/render/render-text.ts';
import { renderTurnLatencySvg, TURN_LATENCY_TITLE } from '../../../harness/render/render-turn-latency-svg.ts';
import { renderTurnStripSvg, TURN_STRIP_TITLE } from '../../../harness/render/render-turn-strip-svg.ts';
import { TURN_LATENCY_CHART, TURN_STRIP_CHART } from '../../../harness/render/soak-attachment-names.ts';
import { writeReportFiles } from '../../../harness/render/write-report-files.ts';
import { generateLog, type GenerateLogOptions } from '../../../harness/synth/generate-log.ts';
import { buildSampleReport } from '../../fixtures-data/reports/sample-report.ts';
import { HOSTILE_STRINGS } from '../../fixtures-data/reports/hostile-report.ts';
import { checkMarkup, foreignLinks, unsafeAttributes } from './markup-check.ts';
import { SEED_METRIC_FIELDS } from './seed-fields.ts';

function analyzed(options: GenerateLogOptions, keep: (r: LogRecord) => boolean = () => true): Report {
  const [header, ...records] = [...generateLog(options)];
  return analyze({ header: header as LogHeader, records: (records as LogRecord[]).filter(keep) });
}

/** The app holds each reply 800 ms: mouth-to-ear runs well above the protocol TTFR. */
const held = analyzed({ durationMs: 180_000, seed: 21, faults: { playbackStartDelayMs: 800 } });
/** No Realtime event decoded: the run is judged on its edges. */
const protocolNone = analyzed({ durationMs: 180_000, seed: 22 }, (r) => r.type !== 'rt');

const metricLines = (text: string) => {
  const lines = text.split('\n');
  const from = lines.indexOf('Metrics:') + 1;
  return lines.slice(from, lines.indexOf('', from));
};
const three = (a: number | null | undefined, b: number | null | undefined, c: number | null | undefined) => `${formatMs(a)} / ${formatMs(b)} / ${formatMs(c)}`;
/** The tables' rounding (the text report keeps the seed's one decimal). */
const threeRounded = (...values: Array<number | null | undefined>) => values.map((v) => (v == null ? 'n/a' : formatReadable(v))).join(' / ');

/** A hand-built edge section on the sample report: turn 2 unanswered at the ear, turn 3 without protocol TTFR. */
function handBuilt(slowest: Partial<NonNullable<EdgesReport['slowest']>> = {}): Report {
  const turn = (i: number, mouthToEarMs: number | null, ttfrMs: number | null) => ({
    turn: i,
    speechStartMs: 10_000 * i + 1_000,
    speechEndMs: 10_000 * i + 3_000,
    mouthToEarMs,
    ttfrMs,
    replyMs: mouthToEarMs === null ? null : 2_000,
    gapsMs: [],
    echoMs: 0,
    bargeInOverlapMs: null,
  });
  const edges: EdgesReport = {
    protocol: 'realtime',
    protocolReason: null,
    measures: [
      { name: 'audio edges', available: true, detail: '4 utterances' },
      { name: 'protocol TTFR', available: true, detail: '3 responses decoded' },
    ],
    turns: [turn(0, 1_000, 400), turn(1, null, 500), turn(2, 1_600, null), turn(3, 1_200, 600)],
    slowest: {
      turn: 2,
      fromMs: 21_500,
      toMs: 26_600,
      speech: [21_000, 23_000],
      output: [
        [23_000, -100],
        [24_600, -20],
        [24_650, -80],
        [24_700, -6],
        [27_000, -10], // outside the window: not drawn
      ],
      events: [
        { tMs: 23_000, label: 'caller stops' },
        { tMs: 23_500, label: 'speech_stopped' },
        { tMs: 23_550, label: 'response.created' },
        { tMs: 24_550, label: 'first audio delta' },
        { tMs: 24_600, label: 'reply heard' },
      ],
      ...slowest,
    },
  };
  return { ...buildSampleReport(), edges };
}

test('text: mouth-to-ear p50/p95/p99 beside the protocol TTFR, gaps, barge-in overlap and the measures, after the seed fields', () => {
  const m = held.metrics;
  const lines = metricLines(renderText(held));
  expect(lines.slice(0, 10).map((line) => line.slice(0, line.indexOf(': ')))).toEqual(SEED_METRIC_FIELDS);
  expect(lines).toContain(`- Time to First Response: ${formatMs(m.timeToFirstResponseMs)}ms`);
  const edgeLines = lines.slice(lines.findIndex((line) => line.startsWith('- Mouth-to-Ear Latency')));
  expect(edgeLines).toEqual([
    `- Mouth-to-Ear Latency (p50 / p95 / p99): ${three(m.mouthToEarP50Ms, m.mouthToEarP95Ms, m.mouthToEarP99Ms)}ms; protocol TTFR ${three(m.ttfrP50Ms, m.ttfrP95Ms, m.ttfrP99Ms)}ms`,
    expect.stringMatching(/^- Mouth-to-Ear Growth: [+-]\d+(\.\d+)? ms\/min$/),
    `- Turns Heard: ${m.turnsHeard} of ${m.turnsSpoken} spoken`,
    `- Playback Gaps: ${m.playbackGapCount}`,
    '- Barge-in Overlap (p95): n/a',
    '- Measures Available: audio edges, protocol TTFR, memory (CDP), sockets',
    '- Protocol: realtime (protocol TTFR and the audio edges)',
  ]);
  // The hold shows as the difference: mouth-to-ear p50 at least 800 ms above the TTFR p50.
  expect(m.mouthToEarP50Ms! - m.ttfrP50Ms!).toBeGreaterThan(800);
  expect(m.turnsHeard).toBeGreaterThan(5);
});

test('text: a run without Realtime events says it was judged on the audio edges, and which measure it lacked', () => {
  const lines = metricLines(renderText(protocolNone));
  expect(lines.slice(0, 10).map((line) => line.slice(0, line.indexOf(': ')))).toEqual(SEED_METRIC_FIELDS);
  expect(lines).toContain('- Protocol: none (no Realtime events decoded): judged on the audio edges, memory, DOM and socket counters');
  const measures = lines.find((line) => line.startsWith('- Measures Available: '));
  expect(measures).toMatch(/^- Measures Available: audio edges, memory \(CDP\), sockets; not available: protocol TTFR \(not used: .+\)$/);
  expect(lines.find((line) => line.startsWith('- Mouth-to-Ear Latency'))).toMatch(
    /^- Mouth-to-Ear Latency \(p50 \/ p95 \/ p99\): [\d.]+ \/ [\d.]+ \/ [\d.]+ms; protocol TTFR n\/a$/,
  );
});

test('text: a report without edges has no edge line; log strings in the edge section stay on one line', () => {
  expect(renderText(buildSampleReport())).not.toContain('Mouth-to-Ear');
  const report = handBuilt();
  report.edges!.protocol = 'none';
  report.edges!.protocolReason = 'configured\nIssues Detected:\n- fake';
  report.edges!.measures[1] = { name: 'protocol TTFR', available: false, detail: 'x\r\nRecommendations:' };
  const lines = renderText(report).split('\n');
  expect(lines.filter((l) => /^(Metrics|Issues Detected|Recommendations):$/.test(l))).toEqual(['Metrics:', 'Issues Detected:', 'Recommendations:']);
  expect(lines).toContain('- Protocol: none (configured Issues Detected: - fake): judged on the audio edges, memory, DOM and socket counters');
});

test('Markdown: the mouth-to-ear row beside the protocol TTFR row, with the budgets, and the measures', () => {
  const m = held.metrics;
  const rows = renderMarkdown(held)
    .split('\n')
    .filter((line) => line.startsWith('| '));
  const at = rows.findIndex((row) => row.startsWith('| Mouth-to-ear p50 / p95 / p99 |'));
  expect(rows[at - 1]).toMatch(/^\| Time to first response p99 \|/);
  expect(rows.slice(at, at + 6)).toEqual([
    `| Mouth-to-ear p50 / p95 / p99 | ${threeRounded(m.mouthToEarP50Ms, m.mouthToEarP95Ms, m.mouthToEarP99Ms)} ms | p95 3500 ms |`,
    `| Protocol TTFR p50 / p95 / p99 \\(same turns, for comparison\\) | ${threeRounded(m.ttfrP50Ms, m.ttfrP95Ms, m.ttfrP99Ms)} ms |  |`,
    expect.stringMatching(/^\| Mouth-to-ear growth \| -?[\d.]+ ms\/min \| 100 ms\/min \|$/),
    `| Turns heard / spoken | ${m.turnsHeard} / ${m.turnsSpoken} |  |`,
    `| Playback gaps | ${m.playbackGapCount} | 2/min over 800 ms |`,
    '| Barge-in overlap p95 | n/a | 1500 ms |',
  ]);
  expect(renderMarkdown(protocolNone)).toContain(
    '| Protocol | none \\(no Realtime events decoded\\): judged on the audio edges, memory, DOM and socket counters |  |',
  );
  expect(renderMarkdown(buildSampleReport())).not.toContain('Mouth-to-ear');
});

/** [x, y] pixel pairs of a polyline or of the circles with a class. */
const polyline = (svg: string, cls: string) =>
  svg
    .match(new RegExp(`<polyline class="${cls}" points="([^"]*)"`))![1]!
    .split(' ')
    .map((pair) => pair.split(',').map(Number) as [number, number]);
const circles = (svg: string, cls: string) =>
  [...svg.matchAll(new RegExp(`<circle class="point ${cls}" cx="([\\d.]+)" cy="([\\d.]+)"`, 'g'))].map((m): [number, number] => [Number(m[1]), Number(m[2])]);

test('latency chart: both series point by point, turns without a value left out, on one scale', () => {
  const svg = renderTurnLatencySvg(handBuilt())!;
  const { tags } = checkMarkup(svg);
  expect([...tags]).toEqual(expect.arrayContaining(['svg', 'title', 'polyline', 'circle', 'line', 'text', 'tspan']));
  expect(svg).toContain(`<title>${TURN_LATENCY_TITLE} (ms)</title>`);
  const m2e = polyline(svg, 'series mouth-to-ear');
  const ttfr = polyline(svg, 'series ttfr');
  expect(m2e).toHaveLength(3); // turns 1, 3, 4
  expect(ttfr).toHaveLength(3); // turns 1, 2, 4
  expect(circles(svg, 'mouth-to-ear')).toEqual(m2e);
  expect(circles(svg, 'ttfr')).toEqual(ttfr);
  // Same turn, same x: turn 1 and turn 4 in both; turn 3 only in mouth-to-ear, turn 2 only in TTFR.
  expect(m2e[0]![0]).toBe(ttfr[0]![0]);
  expect(m2e[2]![0]).toBe(ttfr[2]![0]);
  expect(ttfr[1]![0]).toBeLessThan(m2e[1]![0]);
  // One linear y scale for both: pixel height per ms is the same between any two points.
  const values: [number, number][] = [
    [1_000, m2e[0]![1]],
    [1_600, m2e[1]![1]],
    [1_200, m2e[2]![1]],
    [400, ttfr[0]![1]],
    [500, ttfr[1]![1]],
    [600, ttfr[2]![1]],
  ];
  const perMs = (values[0]![1] - values[1]![1]) / (1_600 - 1_000);
  expect(perMs).toBeGreaterThan(0);
  for (const [ms, y] of values) expect(y).toBeCloseTo(values[0]![1] - (ms - 1_000) * perMs, 0);
  expect(svg).toContain('budget p95 3500 ms');
  // No value at all: no chart.
  const empty = handBuilt();
  empty.edges!.turns = empty.edges!.turns.map((t) => ({ ...t, mouthToEarMs: null, ttfrMs: null }));
  expect(renderTurnLatencySvg(empty)).toBeNull();
  expect(renderTurnLatencySvg(buildSampleReport())).toBeNull();
});

test('latency chart on an analyzed report: a point per heard turn and per decoded TTFR, mouth-to-ear drawn above', () => {
  const svg = renderTurnLatencySvg(held)!;
  checkMarkup(svg);
  const turns = held.edges!.turns;
  const m2e = circles(svg, 'mouth-to-ear');
  const ttfr = circles(svg, 'ttfr');
  expect(m2e).toHaveLength(turns.filter((t) => t.mouthToEarMs !== null).length);
  expect(ttfr).toHaveLength(turns.filter((t) => t.ttfrMs !== null).length);
  expect(m2e.length).toBe(held.metrics.turnsHeard);
  // Every turn is heard over 800 ms after its TTFR: its mouth-to-ear point is higher (smaller y) at the same x.
  for (const [x, y] of m2e) expect(y).toBeLessThan(ttfr.find(([tx]) => tx === x)![1]);
  expect(svg).toContain(`mouth-to-ear p95 ${formatMs(held.metrics.mouthToEarP95Ms)} ms`);
  expect(svg).toContain(`protocol TTFR p95 ${formatMs(held.metrics.ttfrP95Ms)} ms`);
});

test('strip: the speech bar, each event as a labelled tick in time order, the loudness envelope and the wait', () => {
  const report = handBuilt();
  const svg = renderTurnStripSvg(report)!;
  const { tags, attributes } = checkMarkup(svg);
  expect([...tags].every((t) => ['svg', 'title', 'rect', 'text', 'line', 'polyline'].includes(t))).toBe(true);
  expect([...attributes].filter((a) => a.startsWith('on') || a.includes('href'))).toEqual([]);
  expect(svg).toContain(`<title>${TURN_STRIP_TITLE}</title>`);
  expect(svg).toContain('Slowest turn (turn 3): mouth-to-ear 1600.0 ms, protocol TTFR n/a ms');
  const labels = [...svg.matchAll(/<text class="event-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  expect(labels).toEqual(['caller stops', 'speech_stopped', 'response.created', 'first audio delta', 'reply heard']);
  const ticks = [...svg.matchAll(/<line class="event" x1="([\d.]+)"/g)].map((m) => Number(m[1]));
  expect(ticks).toHaveLength(5);
  // 720 px wide, plot 72..696 over 21.5..26.6 s: x = 72 + (t - 21500) / 5100 * 624.
  const xAt = (tMs: number) => 72 + ((tMs - 21_500) / 5_100) * 624;
  for (const [i, x] of ticks.entries()) expect(x).toBeCloseTo(xAt(report.edges!.slowest!.events[i]!.tMs), 0);
  // The speech bar starts before the window: cut at its left edge, ends where the caller stops.
  const [, sx, sw] = svg.match(/<rect class="speech" x="([\d.]+)" y="\d+" width="([\d.]+)"/)!.map(Number);
  expect(sx).toBeCloseTo(72, 0);
  expect(sx! + sw!).toBeCloseTo(xAt(23_000), 0);
  // Four envelope points in the window, between the two floor corners; -100 and -80 dBFS both sit on the -60 floor.
  const envelope = polyline(svg, 'output');
  expect(envelope).toHaveLength(4 + 2);
  const floorY = envelope[0]![1];
  expect(envelope.map(([, y]) => y === floorY)).toEqual([true, true, false, true, false, true]);
  expect(envelope[4]![1]).toBeLessThan(envelope[2]![1]); // -6 dBFS louder than -20
  const [, wx, ww] = svg.match(/<rect class="wait" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/)!.map(Number);
  expect(wx).toBeCloseTo(xAt(23_000), 0);
  expect(wx! + ww!).toBeCloseTo(xAt(24_600), 0);
  expect(svg).toContain('>mouth-to-ear 1600.0 ms</text>');
  expect(svg).toContain('>0 s</text>');
  expect(svg).toContain('>+1 s</text>');
  expect(svg).toContain('>-1 s</text>');
});

test('strip: labels close together go on separate rows; hostile labels stay text; no slowest turn, no strip', () => {
  const crowded = renderTurnStripSvg(handBuilt({ events: HOSTILE_STRINGS.slice(0, 3).map((label, i) => ({ tMs: 23_000 + i * 10, label })) }))!;
  const { tags } = checkMarkup(crowded);
  expect(tags.has('script')).toBe(false);
  expect(crowded).toContain(escapeHtml(HOSTILE_STRINGS[0]));
  const ys = [...crowded.matchAll(/<text class="event-label" x="[\d.]+" y="(\d+)"/g)].map((m) => m[1]);
  expect(new Set(ys).size).toBe(3);
  const output = handBuilt({ output: [] });
  expect(renderTurnStripSvg(output)).toContain('no output frames');
  expect(renderTurnStripSvg({ ...output, edges: { ...output.edges!, slowest: null } })).toBeNull();
});

test('HTML: both edge charts first among the charts, no script or handler; a report without edges draws only its series', () => {
  const html = renderHtml(held);
  const { tags, attributes } = checkMarkup(html, { html: true });
  expect(tags.has('script')).toBe(false);
  expect(unsafeAttributes(attributes)).toEqual([]);
  expect(foreignLinks(html)).toEqual([]);
  const classes = [...html.matchAll(/<svg [^>]*class="([^"]*)"/g)].map((m) => m[1]);
  expect(classes).toEqual(['edge-chart turn-latency', 'edge-chart turn-strip', ...held.series.map(() => 'chart')]);
  for (const chart of edgeCharts(held)) expect(html).toContain(`<figure id="${chart.name.replace(/\.svg$/, '')}">${chart.svg}</figure>`);
  expect(renderHtml(buildSampleReport())).not.toContain('edge-chart');
});

test('report files: the two edge charts are written and attached as SVG beside the series charts, only with edges', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voice-soak-edges-'));
  try {
    const files = writeReportFiles(held, join(dir, 'with'));
    const charts = files.filter((f) => f.name === TURN_LATENCY_CHART || f.name === TURN_STRIP_CHART);
    expect(charts.map((f) => [f.name, f.contentType])).toEqual([
      [TURN_LATENCY_CHART, 'image/svg+xml'],
      [TURN_STRIP_CHART, 'image/svg+xml'],
    ]);
    expect(readFileSync(charts[0]!.path, 'utf8')).toBe(renderTurnLatencySvg(held));
    expect(readFileSync(charts[1]!.path, 'utf8')).toBe(renderTurnStripSvg(held));
    const without = writeReportFiles(buildSampleReport(), join(dir, 'without')).map((f) => f.name);
    expect(without.filter((name) => name === TURN_LATENCY_CHART || name === TURN_STRIP_CHART)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
