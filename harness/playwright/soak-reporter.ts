/**
 * voice-soak's Playwright reporter. It only listens:
 *  - onTestEnd: a test with a `voice-soak-report.json` attachment -> its report is read (never re-analyzed);
 *    a test with only `voice-soak-log.jsonl` (it ended before finishing its run) -> the log is analyzed here and
 *    the report files are pushed onto result.attachments, so the HTML, Allure and blob reporters listed AFTER this
 *    one carry them too (undocumented Playwright behaviour, pinned by tests/e2e/reporter/).
 *  - onEnd: prints a compact table, writes <outputDir>/soak-summary.json and soak-summary.md (also to
 *    $GITHUB_STEP_SUMMARY), checks SOAK_BASELINE, appends SOAK_HISTORY_FILE, and returns {status: 'failed'} when an
 *    error-level assertion failed or a significant regression was found. Warn-level breaches are shown only.
 * Works the same over merged shards (`merge-reports --reporter=./reporters/soak-reporter.ts,html`).
 * Options (env var > option > default): outputDir (SOAK_OUTPUT_DIR, soak-runs), historyFile (SOAK_HISTORY_FILE,
 * soak-runs/soak-history.json), baseline (SOAK_BASELINE), trendRuns (runs shown in the trend table, 14).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { reportSchema, type Report } from '../analyze/report/report-schema.ts';
import { loadSettings } from '../config/settings.ts';
import { appendHistoryRun, historyRunFromSummary } from '../verdict/append-history-run.ts';
import { checkAgainstBaseline } from '../verdict/check-against-baseline.ts';
import { readHistoryFile, writeHistoryFile } from '../verdict/history-file.ts';
import { loadBaseline, type Baseline } from '../verdict/load-baseline.ts';
import { renderHistoryTrends } from '../render/render-history-trends.ts';
import { buildSoakSummary } from '../verdict/build-soak-summary.ts';
import { finishSoakRunSync } from './finish-soak-run-sync.ts';
import { renderSummaryMarkdown } from '../render/render-summary-markdown.ts';
import { renderSummaryTable } from '../render/render-summary-table.ts';
import { SOAK_LOG, SOAK_LOG_FAILED, SOAK_REPORT_JSON } from '../render/soak-attachment-names.ts';
import { summaryEntryFromReport } from '../verdict/summary-entry-from-report.ts';
import { copyReportIntoRun, reportCopyName, writeSoakSummary } from '../render/write-soak-summary.ts';

export interface SoakReporterOptions {
  outputDir?: string;
  historyFile?: string;
  baseline?: string;
  trendRuns?: number;
}

interface SoakTestOutcome {
  title: string;
  project: string;
  status: string;
  report: Report | null;
  reportPath: string | null;
  recovered: boolean;
  note?: string;
}

type Attachment = TestResult['attachments'][number];

function resolvePaths(options: SoakReporterOptions): { outputDir: string; historyFile: string; baseline: string | undefined } {
  const env = process.env;
  let settings: { outputDir: string; historyFile: string; baseline: string | undefined } = { outputDir: 'soak-runs', historyFile: 'soak-runs/soak-history.json', baseline: undefined };
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

function attachmentText(attachment: Attachment): string {
  if (attachment.path) return readFileSync(attachment.path, 'utf8');
  if (attachment.body) return attachment.body.toString('utf8');
  throw new Error(`attachment ${attachment.name} has neither a path nor a body`);
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
    const logAttachment = result.attachments.find((a) => a.name === SOAK_LOG);
    if (!reportAttachment && !logAttachment) return;
    const titlePath = test.titlePath();
    const title = titlePath.slice(2).join(' > ');
    const logFailed = result.annotations.find((a) => a.type === SOAK_LOG_FAILED);
    const outcome: SoakTestOutcome = { title, project: titlePath[1] ?? '', status: result.status, report: null, reportPath: null, recovered: false };
    try {
      if (reportAttachment) {
        outcome.report = reportSchema.parse(JSON.parse(attachmentText(reportAttachment)));
        outcome.reportPath = reportAttachment.path ?? null;
      } else if (logFailed) {
        outcome.note = `not analyzed: ${logFailed.description ?? 'the log could not be written'} (the disk its reports go to is full)`;
      } else if (logAttachment?.path && existsSync(logAttachment.path)) {
        const outDir = join(this.paths.outputDir, 'recovered', basename(reportCopyName(title), '.json'));
        const finished = finishSoakRunSync(logAttachment.path, outDir);
        // The log is attached already; push the report files (read by the reporters after this one).
        for (const file of finished.files) {
          if (file.name !== SOAK_LOG) result.attachments.push({ name: file.name, contentType: file.contentType, path: file.path });
        }
        outcome.report = finished.report;
        outcome.reportPath = finished.files.find((f) => f.name === SOAK_REPORT_JSON)?.path ?? null;
        outcome.recovered = true;
      } else {
        outcome.note = `${SOAK_LOG} attachment has no file on disk`;
      }
    } catch (error) {
      outcome.note = `could not read the soak report: ${(error as Error).message.split('\n')[0]}`;
    }
    this.outcomes.set(test.id, outcome);
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    if (this.outcomes.size === 0) return undefined;
    let failRun = false;
    let baseline: Baseline | null = null;
    if (this.paths.baseline) {
      try {
        baseline = await loadBaseline(this.paths.baseline);
      } catch (error) {
        console.error(`voice-soak: ${(error as Error).message}`);
        failRun = true;
      }
    }
    const copyReport = (o: SoakTestOutcome): string | null => {
      if (!o.reportPath || !existsSync(o.reportPath)) return null;
      try {
        return copyReportIntoRun(this.paths.outputDir, o.title, o.reportPath);
      } catch (error) {
        console.error(`voice-soak: could not copy the report of "${o.title}": ${(error as Error).message.split('\n')[0]}`);
        return null;
      }
    };
    const entries = [...this.outcomes.values()].map((o) =>
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
    const summary = buildSoakSummary(entries, new Date());
    let trends = '';
    try {
      const revision = process.env.GITHUB_SHA ?? process.env.CI_COMMIT_SHA ?? process.env.GIT_COMMIT;
      const history = appendHistoryRun(readHistoryFile(this.paths.historyFile), historyRunFromSummary(summary, revision));
      writeHistoryFile(this.paths.historyFile, history);
      trends = renderHistoryTrends(history, this.trendRuns);
    } catch (error) {
      console.error(`voice-soak: ${(error as Error).message} (history not updated)`);
    }
    const markdown = `${renderSummaryMarkdown(summary)}${trends ? `\n${trends}` : ''}`;
    let where: string;
    try {
      where = `summary in ${writeSoakSummary(this.paths.outputDir, summary, markdown).markdownPath}`;
    } catch (error) {
      where = `could not write the summary into ${this.paths.outputDir}: ${(error as Error).message.split('\n')[0]}`;
      failRun = true;
    }
    console.log(`\n${renderSummaryTable(summary)}voice-soak: ${where}`);
    // An interrupted run keeps its status (exit 130, or 143 after SIGTERM): it is already not a pass.
    if (result.status === 'interrupted') return undefined;
    return summary.status === 'failed' || failRun ? { status: 'failed' } : undefined;
  }

  printsToStdio(): boolean {
    return false;
  }
}
