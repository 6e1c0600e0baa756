/**
 * Write one report's renderings into a folder: report.txt (the seed's format), report.json, report.html
 * (self-contained), one SVG per chart series and per audio-edge chart, summary.md. Returns them as attachments, the log last.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Report } from '../analyze/report/report-schema.ts';
import { edgeCharts } from './edge-charts.ts';
import { renderHtml } from './render-html.ts';
import { renderJson } from './render-json.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderChartSvg } from './render-svg.ts';
import { renderText } from './render-text.ts';
import {
  chartAttachmentName,
  CONTENT_TYPES,
  SOAK_LOG,
  SOAK_REPORT_HTML,
  SOAK_REPORT_JSON,
  SOAK_REPORT_MARKDOWN,
  SOAK_REPORT_TEXT,
} from './soak-attachment-names.ts';
import type { SoakRunFile } from './soak-run-result.ts';

export function writeReportFiles(report: Report, outDir: string, logPath?: string): SoakRunFile[] {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const files: SoakRunFile[] = [];
  const write = (fileName: string, name: string, contentType: string, content: string) => {
    const path = join(dir, fileName);
    writeFileSync(path, content);
    files.push({ name, contentType, path });
  };
  write('report.txt', SOAK_REPORT_TEXT, CONTENT_TYPES.text, renderText(report));
  write('report.json', SOAK_REPORT_JSON, CONTENT_TYPES.json, renderJson(report));
  write('report.html', SOAK_REPORT_HTML, CONTENT_TYPES.html, renderHtml(report));
  for (const series of report.series) {
    const name = chartAttachmentName(series.id);
    write(name, name, CONTENT_TYPES.svg, renderChartSvg(series, { warmupMs: report.warmupMs, idPrefix: name.slice(0, -4) }));
  }
  for (const chart of edgeCharts(report)) write(chart.name, chart.name, CONTENT_TYPES.svg, chart.svg);
  write('summary.md', SOAK_REPORT_MARKDOWN, CONTENT_TYPES.markdown, renderMarkdown(report));
  if (logPath !== undefined) files.push({ name: SOAK_LOG, contentType: CONTENT_TYPES.jsonl, path: resolve(logPath) });
  return files;
}
