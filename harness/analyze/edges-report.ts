/**
 * The report's edges section from the analysis context: per-turn timings, which measures the log had, and the
 * timeline of the slowest answered turn (for the chart that shows where its time went).
 */
import type { AnalysisContext } from './judge/analysis-context.ts';
import type { EdgesReport } from './report/edges-report-schema.ts';

const round = (v: number) => Math.round(v * 10) / 10;
/** Timeline strip: from this long before the caller stops to this long after the reply starts. */
const STRIP_BEFORE_MS = 1_500;
const STRIP_AFTER_MS = 2_000;

export function edgesReport(ctx: AnalysisContext): EdgesReport | undefined {
  const { edges, data } = ctx;
  if (!edges.spoke && !edges.tapped) return undefined;
  const measures = [
    {
      name: 'audio edges',
      available: edges.spoke && edges.tapped,
      detail: `${data.edges.speech.length} utterances timed at the mic, ${data.edges.output.records} output-tap records from ${data.edges.output.sources.size} source(s)${data.edges.tapError ? ` (${data.edges.tapError})` : ''}`,
    },
    {
      name: 'protocol TTFR',
      available: ctx.turns.length > 0,
      detail: edges.protocol === 'none' ? `not used: ${edges.protocolReason}` : `${ctx.turns.length} responses decoded`,
    },
    { name: 'memory (CDP)', available: data.cdp.heapUsedBytes.tMs.length > 0, detail: `${data.cdp.heapUsedBytes.tMs.length} samples` },
    { name: 'sockets', available: data.wsSockets.size > 0, detail: `${data.wsSockets.size} WebSocket(s) sampled` },
  ];
  const slowestTurn = edges.turns.reduce<(typeof edges.turns)[number] | null>(
    (worst, t) => (t.mouthToEarMs !== null && (worst === null || t.mouthToEarMs > worst.mouthToEarMs!) ? t : worst),
    null,
  );
  let slowest: EdgesReport['slowest'] = null;
  if (slowestTurn) {
    const fromMs = Math.max(0, slowestTurn.speechEndMs - STRIP_BEFORE_MS);
    const toMs = slowestTurn.replyStartMs! + STRIP_AFTER_MS;
    const events = [
      { tMs: slowestTurn.speechEndMs, label: 'caller stops' },
      ...data.turnEvents.filter((e) => e.tMs >= fromMs && e.tMs <= toMs),
      { tMs: slowestTurn.replyStartMs!, label: 'reply heard' },
    ].sort((a, b) => a.tMs - b.tMs);
    slowest = {
      turn: slowestTurn.turn ?? null,
      fromMs,
      toMs,
      speech: [slowestTurn.speechStartMs, slowestTurn.speechEndMs],
      output: data.edges.output.envelope(fromMs, toMs),
      events,
    };
  }
  return {
    protocol: edges.protocol,
    protocolReason: edges.protocolReason,
    measures,
    turns: edges.turns.map((t) => ({
      turn: t.turn ?? null,
      speechStartMs: round(t.speechStartMs),
      speechEndMs: round(t.speechEndMs),
      mouthToEarMs: t.mouthToEarMs === null ? null : round(t.mouthToEarMs),
      ttfrMs: t.ttfrMs === null ? null : round(t.ttfrMs),
      replyMs: t.replyMs === null ? null : round(t.replyMs),
      gapsMs: t.gapsMs.map(round),
      echoMs: round(t.echoMs),
      bargeInOverlapMs: t.bargeInOverlapMs === null ? null : round(t.bargeInOverlapMs),
    })),
    slowest,
  };
}
