/**
 * The seed's "Performance Analysis Report" text, line for line:
 *
 *   Performance Analysis Report / [Timestamp] / blank / Metrics: (ten "- Name: value" lines, then the memory the
 *   JS heap does not show, the live objects after the last hang-up, and the audio edges (mouth-to-ear p50/p95/p99
 *   beside the protocol TTFR, playback gaps, barge-in overlap, the measures available), when the report has them) / blank /
 *   Issues Detected: ("- ..." or "- None") / blank / Recommendations: ("- ..." or "- None")
 *
 * Pure: Report in, string out. Values only formatted, never computed.
 */
import type { Report } from '../analyze/report/report-schema.ts';
import { formatCount, formatMegabytes, formatMs, formatDecimals, NOT_AVAILABLE } from './format-value.ts';
import { stripControlChars } from './strip-control-chars.ts';
import { likelySourceLines } from './heap-sites-rows.ts';
import { availableMeasuresText, judgedOnText } from './edge-summary.ts';

const msValue = (value: number | null) => (value == null ? NOT_AVAILABLE : `${formatMs(value)}ms`);
const recentValues = (values: number[]) => (values.length === 0 ? NOT_AVAILABLE : `${values.map(formatMs).join(', ')}ms`);
/** Text from a log goes on one line so it cannot fake a section of the report, without escape sequences or control characters. */
const oneLine = (text: string) => stripControlChars(text.replace(/[\r\n\u2028\u2029]+/g, ' '));
const bullets = (lines: string[]) => (lines.length === 0 ? ['- None'] : lines.map((line) => `- ${oneLine(line)}`));

const signedPerMin = (value: number | null | undefined, unit: string) =>
  value == null ? NOT_AVAILABLE : `${value >= 0 ? '+' : ''}${formatDecimals(value, 2)} ${unit}/min`;
const mbPerMin = (value: number | null | undefined) => signedPerMin(value, 'MB');
/** "812.0 / 1034.2 / 1100.0ms", or n/a when none of the three is known. */
const percentiles = (p50: number | null | undefined, p95: number | null | undefined, p99: number | null | undefined) =>
  p50 == null && p95 == null && p99 == null ? NOT_AVAILABLE : `${formatMs(p50)} / ${formatMs(p95)} / ${formatMs(p99)}ms`;

/** JS heap, ArrayBuffers, renderer RSS and live objects per cycle: present only in reports that measured them. */
function memoryLines(report: Report): string[] {
  const m = report.metrics;
  const lines: string[] = [];
  if (m.bufferSlopeMbPerMin !== undefined || m.processMemorySlopeMbPerMin !== undefined) {
    lines.push(`- JS Heap (post-GC end): ${formatMegabytes(m.heapPostGcEndBytes)}, ${mbPerMin(m.heapSlopeMbPerMin)}`);
  }
  if (m.bufferSlopeMbPerMin !== undefined)
    lines.push(`- ArrayBuffer Memory (post-GC end): ${formatMegabytes(m.bufferPostGcEndBytes ?? null)}, ${mbPerMin(m.bufferSlopeMbPerMin)}`);
  if (m.processMemorySlopeMbPerMin !== undefined)
    lines.push(`- Renderer Memory (RSS): ${formatMegabytes(m.rendererRssEndBytes ?? null)}, ${mbPerMin(m.processMemorySlopeMbPerMin)}`);
  if (m.cycles !== undefined) {
    const live = m.liveAfterLastCycle;
    const counts = live
      ? `AudioContexts ${live.audioContexts}, MediaStreamTracks ${live.mediaStreamTracks}, RTCPeerConnections ${live.peerConnections}, WebSockets ${live.webSockets}`
      : NOT_AVAILABLE;
    lines.push(`- Live Objects After Last Hang-up (${formatCount(m.cycles)} cycles): ${counts}`);
  }
  return lines;
}

/** Mouth-to-ear beside the protocol TTFR, and what the output tap heard: present only in reports with audio edges. */
function edgeLines(report: Report): string[] {
  const m = report.metrics;
  const edges = report.edges;
  if (edges === undefined && m.mouthToEarP50Ms === undefined) return [];
  const lines = [
    `- Mouth-to-Ear Latency (p50 / p95 / p99): ${percentiles(m.mouthToEarP50Ms, m.mouthToEarP95Ms, m.mouthToEarP99Ms)}; protocol TTFR ${percentiles(m.ttfrP50Ms, m.ttfrP95Ms, m.ttfrP99Ms)}`,
    `- Mouth-to-Ear Growth: ${signedPerMin(m.mouthToEarSlopeMsPerMin, 'ms')}`,
    `- Turns Heard: ${formatCount(m.turnsHeard)} of ${formatCount(m.turnsSpoken)} spoken`,
    `- Playback Gaps: ${formatCount(m.playbackGapCount)}`,
    `- Barge-in Overlap (p95): ${msValue(m.bargeInOverlapP95Ms ?? null)}`,
  ];
  if (edges) lines.push(`- Measures Available: ${oneLine(availableMeasuresText(edges))}`, `- Protocol: ${oneLine(judgedOnText(edges))}`);
  return lines;
}

export function renderText(report: Report): string {
  const m = report.metrics;
  const recommendations = [...new Set(report.issues.map((issue) => issue.recommendation).filter((r) => r.trim() !== ''))];
  const lines = [
    'Performance Analysis Report',
    oneLine(report.startedAt),
    '',
    'Metrics:',
    `- Average Processing Time: ${msValue(m.avgProcessingMs)}`,
    `- Maximum Processing Time: ${msValue(m.maxProcessingMs)}`,
    `- Audio Latency Trend: ${recentValues(m.audioLatencyTrendMs)}`,
    `- Message Latency Trend: ${recentValues(m.messageLatencyTrendMs)}`,
    `- Audio Chunks Accumulation: ${formatCount(m.audioChunksPending)}`,
    `- WebSocket Buffered Amount: ${formatCount(m.wsBufferedAmountBytes)}`,
    `- Event Queue Size: ${formatCount(m.eventQueueSize)}`,
    `- Time to First Response: ${msValue(m.timeToFirstResponseMs)}`,
    `- Interruption Count: ${formatCount(m.interruptionCount)}`,
    `- Total Errors: ${formatCount(m.totalErrors)}`,
    ...memoryLines(report),
    ...edgeLines(report),
    '',
    'Issues Detected:',
    ...(report.issues.length === 0
      ? bullets([])
      : report.issues.flatMap((issue) => [...bullets([issue.message]), ...likelySourceLines(issue).map((line) => `  ${oneLine(line)}`)])),
    '',
    'Recommendations:',
    ...bullets(recommendations),
  ];
  return `${lines.join('\n')}\n`;
}
