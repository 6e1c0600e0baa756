/**
 * SOAK_BASELINE: a previous soak-summary.json (one report per test title), a report JSON, or a JSONL log
 * (analyzed here). Errors name the file and what was wrong with it. A partial run (cut short) is never a baseline:
 * its trends cover only part of the conversation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { reportSchema, type Report } from '../analyze/report/report-schema.ts';
import { formatZodIssue } from '../validation/format-zod-issue.ts';
import { analyzeLogFile } from '../analyze/analyze-log-file.ts';
import { partialRunReason } from './partial-run.ts';
import { soakSummarySchema } from './soak-summary-schema.ts';

export interface Baseline {
  /** The path it was loaded from. */
  source: string;
  /** Reports of a soak-summary baseline, by test title. */
  byTitle: Map<string, Report>;
  /** The report that applies to every test (a report or log baseline, or a summary holding one test). */
  single: Report | null;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`baseline ${path}: not valid JSON (${(error as Error).message})`);
  }
}

export function parseReportJson(raw: unknown, path: string): Report {
  const parsed = reportSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new Error(`baseline ${path}: not a voice-soak report: ${formatZodIssue(parsed.error.issues[0]!)}`);
  return completeRun(parsed.data, path);
}

function completeRun(report: Report, path: string): Report {
  const partial = partialRunReason(report);
  if (partial) throw new Error(`baseline ${path}: a partial run (${partial}); use a run that finished its script as the baseline`);
  return report;
}

export async function loadBaseline(path: string): Promise<Baseline> {
  if (!existsSync(path)) throw new Error(`baseline ${path}: file not found (SOAK_BASELINE takes a soak-summary.json, report JSON or .jsonl log)`);
  if (path.endsWith('.jsonl')) return { source: path, byTitle: new Map(), single: completeRun((await analyzeLogFile(path)).report, path) };
  const raw = readJson(path);
  if ((raw as { kind?: unknown } | null)?.kind !== 'voice-soak-summary') return { source: path, byTitle: new Map(), single: parseReportJson(raw, path) };
  const summary = soakSummarySchema.safeParse(raw, { reportInput: true });
  if (!summary.success) throw new Error(`baseline ${path}: ${formatZodIssue(summary.error.issues[0]!)}`);
  const byTitle = new Map<string, Report>();
  for (const entry of summary.data.tests) {
    if (entry.reportFile === null) continue;
    const reportPath = isAbsolute(entry.reportFile) ? entry.reportFile : resolve(dirname(path), entry.reportFile);
    if (!existsSync(reportPath)) throw new Error(`baseline ${path}: report of "${entry.title}" not found at ${reportPath}`);
    byTitle.set(entry.title, parseReportJson(readJson(reportPath), reportPath));
  }
  return { source: path, byTitle, single: byTitle.size === 1 ? [...byTitle.values()][0]! : null };
}
