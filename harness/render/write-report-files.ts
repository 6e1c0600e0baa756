/**
 * Write one report's renderings into a folder and return them as attachments in the order a reviewer reads them
 * (the Playwright report lists attachments in this order): verdict.txt (the verdict sentence and the failed checks),
 * the charts (the audio-edge charts, then one SVG per series), report.txt (the seed's format), summary.md,
 * report.html (self-contained), report.json, and the log last.
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
  SOAK_VERDICT,
} from './soak-attachment-names.ts';
import type { SoakRunFile } from './soak-run-result.ts';
import { verdictText } from './verdict-sentence.ts';

export function writeReportFiles(report: Report, outDir: string, logPath?: string): SoakRunFile[] {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const files: SoakRunFile[] = [];
  const write = (fileName: string, name: string, contentType: string, content: string) => {
    const path = join(dir, fileName);
    writeFileSync(path, content);
    files.push({ name, contentType, path });
  };
  write('verdict.txt', SOAK_VERDICT, CONTENT_TYPES.text, verdictText(report));
  for (const chart of edgeCharts(report)) write(chart.name, chart.name, CONTENT_TYPES.svg, chart.svg);
  for (const series of report.series) {
    const name = chartAttachmentName(series.id);
    write(name, name, CONTENT_TYPES.svg, renderChartSvg(series, { warmupMs: report.warmupMs, idPrefix: name.slice(0, -4) }));
  }
  write('report.txt', SOAK_REPORT_TEXT, CONTENT_TYPES.text, renderText(report));
  write('summary.md', SOAK_REPORT_MARKDOWN, CONTENT_TYPES.markdown, renderMarkdown(report));
  write('report.html', SOAK_REPORT_HTML, CONTENT_TYPES.html, renderHtml(report));
  write('report.json', SOAK_REPORT_JSON, CONTENT_TYPES.json, renderJson(report));
  if (logPath !== undefined) files.push({ name: SOAK_LOG, contentType: CONTENT_TYPES.jsonl, path: resolve(logPath) });
  return files;
}
