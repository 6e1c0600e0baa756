/**
 * The seed's "Performance Analysis Report" text, line for line:
 *
 *   Performance Analysis Report / [Timestamp] / blank / Metrics: (ten "- Name: value" lines) / blank /
 *   Issues Detected: ("- ..." or "- None") / blank / Recommendations: ("- ..." or "- None")
 *
 * Pure: Report in, string out. Values only formatted, never computed.
 */
import type { Report } from '../core/report/report-schema.ts';
import { formatCount, formatMs, NOT_AVAILABLE } from './format-value.ts';
import { stripControlChars } from './strip-control-chars.ts';
import { likelySourceLines } from './heap-sites-rows.ts';

const msValue = (value: number | null) => (value == null ? NOT_AVAILABLE : `${formatMs(value)}ms`);
const recentValues = (values: number[]) => (values.length === 0 ? NOT_AVAILABLE : `${values.map(formatMs).join(', ')}ms`);
/** Text from a log goes on one line so it cannot fake a section of the report, without escape sequences or control characters. */
const oneLine = (text: string) => stripControlChars(text.replace(/[\r\n\u2028\u2029]+/g, ' '));
const bullets = (lines: string[]) => (lines.length === 0 ? ['- None'] : lines.map((line) => `- ${oneLine(line)}`));

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
    '',
    'Issues Detected:',
    ...(report.issues.length === 0 ? bullets([]) : report.issues.flatMap((issue) => [...bullets([issue.message]), ...likelySourceLines(issue).map((line) => `  ${oneLine(line)}`)])),
    '',
    'Recommendations:',
    ...bullets(recommendations),
  ];
  return `${lines.join('\n')}\n`;
}
