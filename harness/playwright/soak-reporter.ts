/**
 * voice-soak's Playwright reporter. It only listens, and never analyzes: the soak fixture analyzed each attempt's
 * log and attached its reports (soak-attempt.ts).
 *  - onTestEnd: reads the `voice-soak-report.json` attachment of the test's attempt (the last attempt wins); a test
 *    with only its log attached is an entry with no report (its note says why), which fails the run.
 *  - onEnd: prints a compact table, writes <outputDir>/soak-summary.json and soak-summary.md (also to
 *    $GITHUB_STEP_SUMMARY), checks SOAK_BASELINE, appends SOAK_HISTORY_FILE (summarize-soak-run.ts), and returns
 *    {status: 'failed'} when an error-level assertion failed, a significant regression was found or a report is
 *    missing. Warn-level breaches are shown only. No child process; result.attachments is never touched.
 * Works the same over merged shards (`merge-reports --reporter=./reporters/soak-reporter.ts,html`): the attachments
 * keep their names there. Options (env var > option > default): outputDir (SOAK_OUTPUT_DIR, soak-runs), historyFile
 * (SOAK_HISTORY_FILE, soak-runs/soak-history.json), baseline (SOAK_BASELINE), trendRuns (runs in the trend table, 14).
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { loadSettings } from '../config/settings.ts';
import { SOAK_LOG, SOAK_LOG_FAILED, SOAK_RECOVERED, SOAK_REPORT_JSON } from '../render/soak-attachment-names.ts';
import { summarizeSoakRun, type SoakTestOutcome } from '../render/summarize-soak-run.ts';
import { readReportAttachment } from './read-report-attachment.ts';

export interface SoakReporterOptions {
  outputDir?: string;
  historyFile?: string;
  baseline?: string;
  trendRuns?: number;
}

function resolvePaths(options: SoakReporterOptions): { outputDir: string; historyFile: string; baseline: string | undefined } {
  const env = process.env;
  let settings: { outputDir: string; historyFile: string; baseline: string | undefined } = {
    outputDir: 'soak-runs',
    historyFile: 'soak-runs/soak-history.json',
    baseline: undefined,
  };
  try {
    settings = loadSettings();
  } catch (error) {
    console.error(`voice-soak reporter: ${(error as Error).message} (using defaults)`);
  }
  return {
    outputDir: env.SOAK_OUTPUT_DIR ? settings.outputDir : (options.outputDir ?? settings.outputDir),
    historyFile: env.SOAK_HISTORY_FILE ? settings.historyFile : (options.historyFile ?? settings.historyFile),
    baseline: env.SOAK_BASELINE ? settings.baseline : (options.baseline ?? settings.baseline),
  };
}

/** Why a soak test that attached its log has no report. */
function missingReportNote(result: TestResult): string {
  const logFailed = result.annotations.find((a) => a.type === SOAK_LOG_FAILED);
  if (logFailed) return `not analyzed: ${logFailed.description ?? 'the log could not be written'} (the disk its reports go to is full)`;
  return `no ${SOAK_REPORT_JSON} attached: the fixture could not analyze the log (see the test's errors)`;
}

export default class SoakReporter implements Reporter {
  private readonly paths: ReturnType<typeof resolvePaths>;
  private readonly trendRuns: number;
  private readonly outcomes = new Map<string, SoakTestOutcome>();

  constructor(options: SoakReporterOptions = {}) {
    this.paths = resolvePaths(options);
    this.trendRuns = options.trendRuns ?? 14;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const reportAttachment = result.attachments.find((a) => a.name === SOAK_REPORT_JSON);
    if (!reportAttachment && !result.attachments.some((a) => a.name === SOAK_LOG)) return;
    const titlePath = test.titlePath();
    const outcome: SoakTestOutcome = {
      // The file is named relative to the config's testDir: `../soak/x.soak.ts` for a project beside it.
      title: titlePath
        .slice(2)
        .join(' > ')
        .replace(/^(\.\.\/)+/, ''),
      project: titlePath[1] ?? '',
      status: result.status,
      report: null,
      reportPath: null,
      recovered: result.annotations.some((a) => a.type === SOAK_RECOVERED),
    };
    if (reportAttachment) {
      const read = readReportAttachment(reportAttachment);
      if ('report' in read) {
        outcome.report = read.report;
        outcome.reportPath = reportAttachment.path ?? null;
      } else {
        outcome.note = read.problem;
      }
    } else {
      outcome.note = missingReportNote(result);
    }
    this.outcomes.set(test.id, outcome);
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    if (this.outcomes.size === 0) return undefined;
    const run = await summarizeSoakRun([...this.outcomes.values()], {
      outputDir: this.paths.outputDir,
      historyFile: this.paths.historyFile,
      ...(this.paths.baseline ? { baseline: this.paths.baseline } : {}),
      trendRuns: this.trendRuns,
      revision: process.env.GITHUB_SHA ?? process.env.CI_COMMIT_SHA ?? process.env.GIT_COMMIT,
      generatedAt: new Date(),
    });
    for (const problem of run.problems) console.error(`voice-soak: ${problem}`);
    console.log(`\n${run.table}`);
    // An interrupted run keeps its status (exit 130, or 143 after SIGTERM): it is already not a pass.
    if (result.status === 'interrupted') return undefined;
    return run.failRun ? { status: 'failed' } : undefined;
  }

  printsToStdio(): boolean {
    return false;
  }
}
