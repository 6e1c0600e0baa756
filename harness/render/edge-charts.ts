/**
 * The audio-edge charts of a report, each with its attachment (and file) name: the per-turn latency chart
 * (mouth-to-ear beside the protocol TTFR) and the slowest turn's timeline strip. None for a report without edges.
 * The HTML report draws them inline and write-report-files.ts writes them beside the series charts, so they show in
 * the Playwright report too. Pure module.
 */
import type { Report } from '../analyze/report/report-schema.ts';
import { renderTurnLatencySvg } from './render-turn-latency-svg.ts';
import { renderTurnStripSvg } from './render-turn-strip-svg.ts';
import { TURN_LATENCY_CHART, TURN_STRIP_CHART } from './soak-attachment-names.ts';

export interface EdgeChart {
  name: string;
  svg: string;
}

export function edgeCharts(report: Report): EdgeChart[] {
  const charts = [
    { name: TURN_LATENCY_CHART, svg: renderTurnLatencySvg(report) },
    { name: TURN_STRIP_CHART, svg: renderTurnStripSvg(report) },
  ];
  return charts.filter((chart): chart is EdgeChart => chart.svg !== null);
}
