/**
 * The end of a whole run, from each soak test's report (already written and attached by the fixture; never
 * re-analyzed here): the baseline check, one summary entry per test, soak-summary.json and .md (also appended to
 * $GITHUB_STEP_SUMMARY), the history appended with its trend table, and the terminal table. Shared by the soak
 * reporter's onEnd and `voice-soak summarize`, so both write the same summary. Problems (a broken baseline or
 * history, a report that cannot be copied, a summary that cannot be written) come back as one-line messages;
 * those that leave the run unjudged set failRun.
 */
import { existsSync } from 'node:fs';
import type { Report } from '../analyze/report/report-schema.ts';
import { appendHistoryRun, historyRunFromSummary } from '../verdict/append-history-run.ts';
import { buildSoakSummary } from '../verdict/build-soak-summary.ts';
import { checkAgainstBaseline } from '../verdict/check-against-baseline.ts';
import { readHistoryFile, writeHistoryFile } from '../verdict/history-file.ts';
import { loadBaseline, type Baseline } from '../verdict/load-baseline.ts';
import type { SoakSummary } from '../verdict/soak-summary-schema.ts';
import { summaryEntryFromReport } from '../verdict/summary-entry-from-report.ts';
import { renderHistoryTrends } from './render-history-trends.ts';
import { renderSummaryMarkdown } from './render-summary-markdown.ts';
import { renderSummaryTable } from './render-summary-table.ts';
import { copyReportIntoRun, writeSoakSummary } from './write-soak-summary.ts';

export interface SoakTestOutcome {
  /** "file > describe > test title" (or, without Playwright, the report's path). */
  title: string;
  project: string;
  /** Playwright outcome of the test's last attempt (passed, failed, timedOut, interrupted, ...). */
  status: string;
  report: Report | null;
  /** The report JSON on disk, copied into the summary's folder. */
  reportPath: string | null;
  /** Analyzed on the fixture's teardown because the test ended before soak.finish(). */
  recovered: boolean;
  /** Why there is no report, when there is none. */
  note?: string;
}

export interface SummarizeOptions {
  outputDir: string;
  /** History file to append; none: the history is left alone. */
  historyFile?: string;
  baseline?: string;
  /** Runs shown in the trend table. */
  trendRuns: number;
  /** CI revision recorded with the history run. */
  revision?: string;
  generatedAt: Date;
  env?: Readonly<Record<string, string | undefined>>;
}

export interface SummarizedRun {
  summary: SoakSummary;
  /** The terminal table, ending with where the summary went. */
  table: string;
  problems: string[];
  /** True when the summary failed, or the baseline or the summary could not be used or written. */
  failRun: boolean;
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

export async function summarizeSoakRun(outcomes: readonly SoakTestOutcome[], options: SummarizeOptions): Promise<SummarizedRun> {
  const problems: string[] = [];
  let failRun = false;
  let baseline: Baseline | null = null;
  if (options.baseline) {
    try {
      baseline = await loadBaseline(options.baseline);
    } catch (error) {
      problems.push(firstLine(error));
      failRun = true;
    }
  }
  const copyReport = (o: SoakTestOutcome): string | null => {
    if (!o.reportPath || !existsSync(o.reportPath)) return null;
    try {
      return copyReportIntoRun(options.outputDir, o.title, o.reportPath);
    } catch (error) {
      problems.push(`could not copy the report of "${o.title}": ${firstLine(error)}`);
      return null;
    }
  };
  const entries = outcomes.map((o) =>
    summaryEntryFromReport({
      title: o.title,
      project: o.project,
      status: o.status,
      report: o.report,
      reportFile: copyReport(o),
      recovered: o.recovered,
      baseline: baseline && o.report ? checkAgainstBaseline(baseline, o.report, o.title) : null,
      ...(o.note !== undefined ? { note: o.note } : {}),
    }),
  );
  const summary = buildSoakSummary(entries, options.generatedAt);
  let trends = '';
  if (options.historyFile) {
    try {
      const history = appendHistoryRun(readHistoryFile(options.historyFile), historyRunFromSummary(summary, options.revision));
      writeHistoryFile(options.historyFile, history);
      trends = renderHistoryTrends(history, options.trendRuns);
    } catch (error) {
      problems.push(`${firstLine(error)} (history not updated)`);
    }
  }
  const markdown = `${renderSummaryMarkdown(summary)}${trends ? `\n${trends}` : ''}`;
  let where: string;
  try {
    where = `summary in ${writeSoakSummary(options.outputDir, summary, markdown, options.env).markdownPath}`;
  } catch (error) {
    where = `could not write the summary into ${options.outputDir}: ${firstLine(error)}`;
    failRun = true;
  }
  return { summary, table: `${renderSummaryTable(summary)}voice-soak: ${where}`, problems, failRun: failRun || summary.status === 'failed' };
}
