/**
 * Write a run's summary to <outputDir>: soak-summary.json (versioned), soak-summary.md, and each test's report
 * JSON copied to reports/<slug>.json so the folder is self-contained (usable as SOAK_BASELINE anywhere).
 * Appends the Markdown to $GITHUB_STEP_SUMMARY when that is set.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SoakSummary } from '../verdict/soak-summary-schema.ts';

export function reportCopyName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  const hash = createHash('sha1').update(title).digest('hex').slice(0, 8);
  return `reports/${slug || 'test'}-${hash}.json`;
}

/** Copy a test's report JSON into the run folder; returns its path relative to outputDir. */
export function copyReportIntoRun(outputDir: string, title: string, reportPath: string): string {
  const relative = reportCopyName(title);
  const target = join(resolve(outputDir), relative);
  mkdirSync(join(resolve(outputDir), 'reports'), { recursive: true });
  // Summarizing a summary folder again (voice-soak summarize) finds its reports already in place.
  if (resolve(reportPath) !== target) copyFileSync(reportPath, target);
  return relative;
}

export interface SummaryFiles {
  jsonPath: string;
  markdownPath: string;
}

export function writeSoakSummary(
  outputDir: string,
  summary: SoakSummary,
  markdown: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SummaryFiles {
  const dir = resolve(outputDir);
  mkdirSync(dir, { recursive: true });
  const jsonPath = join(dir, 'soak-summary.json');
  const markdownPath = join(dir, 'soak-summary.md');
  writeFileSync(jsonPath, `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(markdownPath, markdown);
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
  return { jsonPath, markdownPath };
}
