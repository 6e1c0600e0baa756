/**
 * Chart series for the renderers, each downsampled (min/max-preserving) to at most SERIES_MAX_POINTS points so an
 * 8-hour report stays small: heap (post-GC lows highlighted, heap trend), message handler time, TTFR per turn,
 * WebSocket bufferedAmount, chunks pending playback, event queue size, DOM nodes and listeners.
 */
import type { Series, Trend } from './report/report-schema.ts';
import { downsampleMinMax, type Point } from './stats/downsample-min-max.ts';
import type { AnalysisContext } from './judge/analysis-context.ts';
import type { TimeSeries } from './judge/collected-data.ts';

export const SERIES_MAX_POINTS = 600;
const MIB = 1024 * 1024;

function points(series: TimeSeries, scale = 1): Point[] {
  const out: Point[] = new Array(series.tMs.length);
  for (let i = 0; i < series.tMs.length; i++) out[i] = [series.tMs[i]!, series.values[i]! * scale];
  return downsampleMinMax(out, SERIES_MAX_POINTS);
}

function series(
  id: string,
  title: string,
  unit: string,
  pts: Point[],
  extra: { trend?: Trend | null; budget?: number; highlight?: Point[]; xAxis?: 'time' | 'turn' } = {},
): Series {
  const out: Series = { id, title, unit, points: pts, xAxis: extra.xAxis ?? 'time' };
  if (extra.trend) out.trend = extra.trend;
  if (extra.budget !== undefined) out.budget = extra.budget;
  if (extra.highlight) out.highlight = extra.highlight;
  return out;
}

export function buildSeries(ctx: AnalysisContext): Series[] {
  const { data, heap, thresholds, trends } = ctx;
  const out: Series[] = [];
  if (heap.series.tMs.length) {
    const lows = heap.lows
      ? downsampleMinMax(
          heap.lows.tMs.map((t, i): Point => [t, heap.lows!.bytes[i]! / MIB]),
          SERIES_MAX_POINTS,
        )
      : [];
    out.push(
      series('heap-used', heap.source === 'page' ? 'JS heap used (performance.memory)' : 'JS heap used', 'MB', points(heap.series, 1 / MIB), {
        highlight: lows,
        trend: heap.trend,
        budget: thresholds.maxHeapBytes / MIB,
      }),
    );
  }
  for (const [id, title, memory, budget] of [
    ['array-buffers', 'ArrayBuffer memory (backing stores)', ctx.buffers, thresholds.bufferSlopeMbPerMin],
    ['renderer-rss', 'Renderer process memory (RSS)', ctx.processMemory, thresholds.processMemorySlopeMbPerMin],
  ] as const) {
    if (!memory.lows) continue;
    const lows = downsampleMinMax(
      memory.lows.tMs.map((t, i): Point => [t, memory.lows!.bytes[i]! / MIB]),
      SERIES_MAX_POINTS,
    );
    out.push(series(id, `${title}, trend budget ${budget} MB/min`, 'MB', points(memory.series, 1 / MIB), { highlight: lows, trend: memory.trend }));
  }
  if (data.handlerMs.tMs.length) out.push(series('message-handler-ms', 'Message handler time', 'ms', points(data.handlerMs), { trend: trends.handlerMs }));
  if (ctx.turns.length) {
    const ttfr = ctx.turns.map((t, i): Point => [i + 1, t.ttfrMs]);
    out.push(
      series('ttfr-ms', 'Time to first response per turn', 'ms', downsampleMinMax(ttfr, SERIES_MAX_POINTS), {
        budget: thresholds.ttfrP95Ms,
        xAxis: 'turn',
        trend: trends.ttfrMs,
      }),
    );
  }
  if (ctx.edges.mouthToEar.length) {
    const heard = ctx.edges.turns.flatMap((t, i): Point[] => (t.mouthToEarMs === null ? [] : [[i + 1, t.mouthToEarMs]]));
    out.push(
      series('mouth-to-ear-ms', 'Mouth-to-ear latency per turn', 'ms', downsampleMinMax(heard, SERIES_MAX_POINTS), {
        budget: thresholds.mouthToEarP95Ms,
        xAxis: 'turn',
      }),
    );
  }
  if (data.wsBufferedBytes.tMs.length)
    out.push(
      series('ws-buffered-bytes', 'WebSocket bufferedAmount', 'bytes', points(data.wsBufferedBytes), {
        trend: trends.wsBufferedBytes,
        budget: thresholds.maxWsBufferedBytes,
      }),
    );
  if (data.pendingChunks.tMs.length)
    out.push(
      series('audio-chunks-pending', 'Audio chunks pending playback', 'chunks', points(data.pendingChunks), {
        trend: trends.pendingChunks,
        budget: thresholds.maxPendingAudioChunks,
      }),
    );
  if (data.queueSize.tMs.length)
    out.push(
      series('event-queue-size', 'Event queue size', 'messages', points(data.queueSize), { trend: trends.queueSize, budget: thresholds.maxEventQueueSize }),
    );
  if (data.cdp.domNodes.tMs.length) {
    out.push(series('dom-nodes', 'DOM nodes', 'nodes', points(data.cdp.domNodes), { trend: trends.domNodes }));
    out.push(series('event-listeners', 'Event listeners', 'listeners', points(data.cdp.eventListeners), { trend: trends.eventListeners }));
  }
  return out;
}
