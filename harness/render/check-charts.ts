/**
 * Where the HTML report shows the evidence of each check: the chart that draws what the check judged (its figure's
 * id, the chart's attachment name without ".svg": "chart-heap", "chart-turn-latency"), or, for a check no chart
 * draws, its row in the assertions table ("check-crashes"). The sticky summary links each failed check there. Pure.
 */
import type { Assertion, Report } from '../analyze/report/report-schema.ts';
import { edgeCharts } from './edge-charts.ts';
import { chartAttachmentName } from './soak-attachment-names.ts';

/** Check id -> the series (or audio-edge chart names) that draw its evidence, best first. */
const CHARTS_OF_CHECK: Readonly<Record<string, readonly string[]>> = {
  'heap-growth': ['heap-used'],
  'memory-limit': ['heap-used'],
  'buffer-growth': ['array-buffers'],
  'process-memory-growth': ['renderer-rss'],
  'latency-growth': ['message-handler-ms'],
  'message-latency': ['message-handler-ms'],
  'slow-event-processing': ['message-handler-ms'],
  'ttfr-growth': ['ttfr-ms', 'turn-latency'],
  'slow-first-response': ['turn-latency', 'ttfr-ms'],
  'response-timeouts': ['ttfr-ms', 'turn-latency'],
  'mouth-to-ear': ['turn-latency', 'mouth-to-ear-ms'],
  'mouth-to-ear-growth': ['mouth-to-ear-ms', 'turn-latency'],
  'no-audio-output': ['turn-latency'],
  'playback-gaps': ['slowest-turn'],
  'ws-backpressure': ['ws-buffered-bytes'],
  'audio-backlog': ['audio-chunks-pending'],
  'event-queue-growth': ['event-queue-size'],
  'dom-growth': ['dom-nodes'],
  'listener-growth': ['event-listeners'],
};

/** Element id of a chart's figure: its attachment name without the extension. */
export function chartAnchor(attachmentName: string): string {
  return attachmentName.replace(/\.svg$/, '');
}

/** Element id of an assertion's row (the id made safe for an attribute and a fragment). */
export function checkAnchor(assertionId: string): string {
  return `check-${assertionId.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}`;
}

/** The anchors of every chart the report draws, by series id or audio-edge chart name. */
function chartAnchors(report: Report): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const series of report.series) anchors.set(series.id, chartAnchor(chartAttachmentName(series.id)));
  for (const chart of edgeCharts(report)) anchors.set(chartAnchor(chart.name).replace(/^chart-/, ''), chartAnchor(chart.name));
  return anchors;
}

export interface CheckLink {
  assertion: Assertion;
  /** "#chart-heap", or "#check-<id>" when no chart draws this check. */
  href: string;
  toChart: boolean;
}

/** A link per failed assertion, errors first, in report order otherwise. */
export function failedCheckLinks(report: Report): CheckLink[] {
  const anchors = chartAnchors(report);
  const failed = report.assertions.filter((a) => !a.passed);
  const ordered = [...failed.filter((a) => a.level === 'error'), ...failed.filter((a) => a.level !== 'error')];
  return ordered.map((assertion) => {
    const chart = (CHARTS_OF_CHECK[assertion.id] ?? []).map((name) => anchors.get(name)).find((anchor) => anchor !== undefined);
    return { assertion, href: `#${chart ?? checkAnchor(assertion.id)}`, toChart: chart !== undefined };
  });
}
