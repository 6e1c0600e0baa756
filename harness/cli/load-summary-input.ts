/**
 * An input of `voice-soak summarize`: a report JSON (the fixture's report.json, or one the reporter copied into
 * soak-runs/reports/) becomes one test titled by its path; a soak-summary.json (a run's, or a shard's) gives its
 * tests back with their titles, outcomes and notes, each report read from its reportFile (relative to the summary's
 * folder). Unusable input is an InputError (exit 2) naming the file and the field.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { reportSchema, type Report } from '../analyze/report/report-schema.ts';
import { artifactKind, wrongArtifactMessage } from '../analyze/identify-json-artifact.ts';
import { fileError, InputError } from '../log/log-input-error.ts';
import type { SoakTestOutcome } from '../render/summarize-soak-run.ts';
import { formatZodIssue } from '../validation/format-zod-issue.ts';
import { soakSummarySchema } from '../verdict/soak-summary-schema.ts';

/** Playwright's outcome is not known for a bare report. */
export const UNKNOWN_STATUS = 'unknown';

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw fileError(error, path);
  }
  if (path.endsWith('.jsonl'))
    throw new InputError(`${path}: a JSONL log, not a report: write its report with \`voice-soak analyze ${path} --format json --out report.json\``);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not JSON (${(error as Error).message})`);
  }
}

function parseReport(json: unknown, path: string): Report {
  const parsed = reportSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw new InputError(`${path}: not a usable report: ${formatZodIssue(parsed.error.issues[0]!)}`);
  return parsed.data;
}

async function outcomesOfSummary(json: unknown, path: string): Promise<SoakTestOutcome[]> {
  const parsed = soakSummarySchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw new InputError(`${path}: not a usable soak summary: ${formatZodIssue(parsed.error.issues[0]!)}`);
  const outcomes: SoakTestOutcome[] = [];
  for (const entry of parsed.data.tests) {
    const outcome: SoakTestOutcome = {
      title: entry.title,
      project: entry.project,
      status: entry.status,
      report: null,
      reportPath: null,
      recovered: entry.recovered,
    };
    if (entry.reportFile === null) {
      outcome.note = entry.note ?? 'the summary has no report for it';
    } else {
      const reportPath = isAbsolute(entry.reportFile) ? entry.reportFile : resolve(dirname(path), entry.reportFile);
      outcome.report = parseReport(await readJson(reportPath), reportPath);
      outcome.reportPath = reportPath;
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

export async function loadSummaryInput(path: string): Promise<SoakTestOutcome[]> {
  const json = await readJson(path);
  const kind = artifactKind(json);
  if (kind === 'soak-summary') return outcomesOfSummary(json, path);
  if (kind === 'report') return [{ title: path, project: '', status: UNKNOWN_STATUS, report: parseReport(json, path), reportPath: path, recovered: false }];
  if (kind === 'comparison') throw new InputError(wrongArtifactMessage(path, kind, 'a report or a soak summary'));
  throw new InputError(`${path}: not a voice-soak report or soak summary (a report has "schemaVersion", "metrics", "input" and "verdict")`);
}
