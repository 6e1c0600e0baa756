/**
 * Names and content types of the attachments a soak test carries. The soak fixture attaches them, the soak reporter
 * finds a test's report by these names (also in merged shard results, where only the name survives).
 */

/** The verdict sentence and one line per failed assertion: a soak test's first attachment. */
export const SOAK_VERDICT = 'voice-soak-verdict.txt';
export const SOAK_REPORT_JSON = 'voice-soak-report.json';
export const SOAK_REPORT_TEXT = 'voice-soak-report.txt';
export const SOAK_REPORT_HTML = 'voice-soak-report.html';
export const SOAK_REPORT_MARKDOWN = 'voice-soak-summary.md';
export const SOAK_LOG = 'voice-soak-log.jsonl';
/** Annotation of a test whose log could not be written to the end (a full disk): no report can be written there. */
export const SOAK_LOG_FAILED = 'voice-soak-log-failed';
/** Annotation of a test whose log was analyzed on the fixture's teardown: it ended before soak.finish(). */
export const SOAK_RECOVERED = 'voice-soak-recovered';

export const CONTENT_TYPES = {
  json: 'application/json',
  text: 'text/plain',
  html: 'text/html',
  markdown: 'text/markdown',
  svg: 'image/svg+xml',
  jsonl: 'application/x-ndjson',
} as const;

/** The audio-edge charts (harness/render/edge-charts.ts): mouth-to-ear beside the protocol TTFR per turn, the slowest turn's timeline. */
export const TURN_LATENCY_CHART = 'chart-turn-latency.svg';
export const TURN_STRIP_CHART = 'chart-slowest-turn.svg';

/** Short chart names for the analyzer's series ids; other series keep their id. */
const CHART_NAMES: Record<string, string> = {
  'heap-used': 'heap',
  'message-handler-ms': 'message-latency',
  'ttfr-ms': 'ttfr',
  'ws-buffered-bytes': 'ws-buffered',
  'audio-chunks-pending': 'chunks-pending',
  'event-queue-size': 'event-queue',
};

/** Attachment (and file) name of one chart: `chart-heap.svg`, `chart-ttfr.svg`, ... */
export function chartAttachmentName(seriesId: string): string {
  const name = CHART_NAMES[seriesId] ?? seriesId;
  return `chart-${name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}.svg`;
}
