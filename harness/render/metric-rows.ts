/**
 * The metrics table shared by the Markdown and HTML renderers: label, formatted value and budget for each metric the
 * Report holds, in reading order. Formatting only. Pure module.
 */
import type { Report } from '../analyze/report/report-schema.ts';
import { formatAssertionValue, formatCount, formatDecimals, formatReadable, NOT_AVAILABLE } from './format-value.ts';
import { availableMeasuresText, judgedOnText } from './edge-summary.ts';

export interface MetricRow {
  label: string;
  value: string;
  /** The threshold that applies, formatted, or '' when none does. */
  budget: string;
}

// Values in their units, rounded as the assertions table rounds them (formatAssertionValue).
const ms = (value: number | null) => (value == null ? NOT_AVAILABLE : formatAssertionValue(value, 'ms'));
const bytes = (value: number | null | undefined) => (value == null ? NOT_AVAILABLE : formatAssertionValue(value, 'bytes'));
const perMin = (value: number | null, unit: string) => (value == null ? NOT_AVAILABLE : formatAssertionValue(value, `${unit}/min`));

/** ArrayBuffers, renderer RSS and conversation cycles: rows only for reports that measured them. */
function memoryRows(report: Report): MetricRow[] {
  const m = report.metrics;
  const t = report.thresholds;
  const rows: MetricRow[] = [];
  if (m.bufferSlopeMbPerMin !== undefined) {
    rows.push({ label: 'ArrayBuffer growth (post-GC)', value: perMin(m.bufferSlopeMbPerMin, 'MB'), budget: `${t.bufferSlopeMbPerMin} MB/min` });
    rows.push({ label: 'ArrayBuffer post-GC end', value: bytes(m.bufferPostGcEndBytes ?? null), budget: '' });
  }
  if (m.processMemorySlopeMbPerMin !== undefined) {
    rows.push({ label: 'Renderer RSS growth', value: perMin(m.processMemorySlopeMbPerMin, 'MB'), budget: `${t.processMemorySlopeMbPerMin} MB/min` });
    rows.push({ label: 'Renderer RSS at the end', value: bytes(m.rendererRssEndBytes ?? null), budget: '' });
  }
  if (m.cycles !== undefined) {
    const live = m.liveAfterLastCycle;
    const value = live ? `${live.audioContexts} / ${live.mediaStreamTracks} / ${live.peerConnections} / ${live.webSockets}` : NOT_AVAILABLE;
    rows.push({ label: `Live AudioContexts / tracks / peer connections / sockets after the last of ${m.cycles} hang-ups`, value, budget: 'steady per cycle' });
  }
  return rows;
}

const readable = (value: number | null | undefined) => (value == null ? NOT_AVAILABLE : formatReadable(value));
const percentileMs = (p50: number | null | undefined, p95: number | null | undefined, p99: number | null | undefined) =>
  p50 == null && p95 == null && p99 == null ? NOT_AVAILABLE : `${readable(p50)} / ${readable(p95)} / ${readable(p99)} ms`;

/** Mouth-to-ear beside the protocol TTFR, playback gaps, barge-in overlap: rows only for reports with audio edges. */
function edgeRows(report: Report): MetricRow[] {
  const m = report.metrics;
  const t = report.thresholds;
  const edges = report.edges;
  if (edges === undefined && m.mouthToEarP50Ms === undefined) return [];
  const rows: MetricRow[] = [
    {
      label: 'Mouth-to-ear p50 / p95 / p99',
      value: percentileMs(m.mouthToEarP50Ms, m.mouthToEarP95Ms, m.mouthToEarP99Ms),
      budget: `p95 ${t.mouthToEarP95Ms} ms`,
    },
    { label: 'Protocol TTFR p50 / p95 / p99 (same turns, for comparison)', value: percentileMs(m.ttfrP50Ms, m.ttfrP95Ms, m.ttfrP99Ms), budget: '' },
    { label: 'Mouth-to-ear growth', value: perMin(m.mouthToEarSlopeMsPerMin ?? null, 'ms'), budget: `${t.mouthToEarSlopeMsPerMin} ms/min` },
    { label: 'Turns heard / spoken', value: `${formatCount(m.turnsHeard)} / ${formatCount(m.turnsSpoken)}`, budget: '' },
    { label: 'Playback gaps', value: formatCount(m.playbackGapCount), budget: `${t.maxPlaybackGapsPerMin}/min over ${t.playbackGapMs} ms` },
    { label: 'Barge-in overlap p95', value: ms(m.bargeInOverlapP95Ms ?? null), budget: `${t.bargeInOverlapMs} ms` },
  ];
  if (edges) {
    rows.push({ label: 'Measures available', value: availableMeasuresText(edges), budget: '' });
    rows.push({ label: 'Protocol', value: judgedOnText(edges), budget: '' });
  }
  return rows;
}

export function metricRows(report: Report): MetricRow[] {
  const m = report.metrics;
  const t = report.thresholds;
  return [
    { label: 'Duration', value: `${formatDecimals(m.durationMs / 60_000, 1)} min`, budget: '' },
    { label: 'Turns', value: formatCount(m.turns), budget: '' },
    { label: 'Average processing time', value: ms(m.avgProcessingMs), budget: '' },
    { label: 'Maximum processing time', value: ms(m.maxProcessingMs), budget: `${t.eventProcessingTimeoutMs} ms` },
    { label: 'Time to first response (median)', value: ms(m.timeToFirstResponseMs), budget: '' },
    { label: 'Time to first response p95', value: ms(m.ttfrP95Ms), budget: `${t.ttfrP95Ms} ms` },
    { label: 'Time to first response p99', value: ms(m.ttfrP99Ms), budget: '' },
    ...edgeRows(report),
    { label: 'TTFR growth', value: perMin(m.ttfrSlopeMsPerMin, 'ms'), budget: `${t.ttfrSlopeMsPerMin} ms/min` },
    { label: 'Message latency growth', value: perMin(m.messageLatencySlopeMsPerMin, 'ms'), budget: `${t.messageLatencySlopeMsPerMin} ms/min` },
    { label: 'Heap growth (post-GC)', value: perMin(m.heapSlopeMbPerMin, 'MB'), budget: `${t.heapSlopeMbPerMin} MB/min` },
    { label: 'Heap post-GC start / end', value: `${bytes(m.heapPostGcStartBytes)} / ${bytes(m.heapPostGcEndBytes)}`, budget: '' },
    { label: 'Heap max', value: bytes(m.heapMaxBytes), budget: bytes(t.maxHeapBytes) },
    ...memoryRows(report),
    { label: 'DOM node growth', value: perMin(m.domNodeSlopePerMin, 'nodes'), budget: `${t.domNodeSlopePerMin} nodes/min` },
    { label: 'Listener growth', value: perMin(m.listenerSlopePerMin, 'listeners'), budget: `${t.listenerSlopePerMin} listeners/min` },
    {
      label: 'Audio chunks pending (end / max)',
      value: `${formatCount(m.audioChunksPending)} / ${formatCount(m.audioChunksPendingMax)}`,
      budget: `${t.maxPendingAudioChunks}`,
    },
    {
      label: 'WebSocket buffered (end / max)',
      value: `${bytes(m.wsBufferedAmountBytes)} / ${bytes(m.wsBufferedAmountMaxBytes)}`,
      budget: bytes(t.maxWsBufferedBytes),
    },
    { label: 'Event queue (end / max)', value: `${formatCount(m.eventQueueSize)} / ${formatCount(m.eventQueueMax)}`, budget: `${t.maxEventQueueSize}` },
    { label: 'Audio gaps (count / max)', value: `${formatCount(m.audioGapCount)} / ${ms(m.audioGapMaxMs)}`, budget: `${t.maxAudioGapsPerMin}/min` },
    { label: 'Interruptions', value: formatCount(m.interruptionCount), budget: `${t.maxUnplannedInterruptions} unplanned` },
    { label: 'Errors', value: formatCount(m.totalErrors), budget: `${t.maxErrors}` },
    { label: 'Samples (count / max gap)', value: `${formatCount(m.sampleCount)} / ${ms(m.maxSampleGapMs)}`, budget: `${t.maxSampleGapMs} ms` },
  ];
}
