/** Picks the renderer for `--format` (the CLI's only link to harness/render for reports). */
import type { Report } from '../analyze/report/report-schema.ts';
import { renderHtml } from '../render/render-html.ts';
import { renderJson } from '../render/render-json.ts';
import { renderMarkdown } from '../render/render-markdown.ts';
import { renderText } from '../render/render-text.ts';

export const REPORT_FORMATS = ['text', 'json', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const RENDERERS: Record<ReportFormat, (report: Report) => string> = {
  text: renderText,
  json: renderJson,
  html: renderHtml,
  md: renderMarkdown,
};

export function renderReport(report: Report, format: ReportFormat): string {
  return RENDERERS[format](report);
}
