/**
 * The end of one soak run: analyze its JSONL log once (streaming), write the report's renderings next to the log
 * (or into outDir), and return the attachments and the failed error-level assertion messages. With a baseline,
 * significant regressions against it are failures too. The soak spec calls this, then attachSoakResults().
 */
import { dirname } from 'node:path';
import type { Report } from '../analyze/report/report-schema.ts';
import type { ThresholdsInput } from '../thresholds/thresholds-schema.ts';
import { checkAgainstBaseline } from '../verdict/check-against-baseline.ts';
import { loadBaseline, type Baseline } from '../verdict/load-baseline.ts';
import { analyzeLogFile } from '../analyze/analyze-log-file.ts';
import { failedAssertionMessages } from '../verdict/failed-assertion-messages.ts';
import type { SoakRunResult } from './soak-run-result.ts';
import { writeReportFiles } from './write-report-files.ts';

export interface FinishSoakRunOptions {
  /** Thresholds over the ones recorded in the log header (a partial layer); default: the header's. */
  thresholds?: ThresholdsInput;
  /** Folder for the report files; default: the log's folder. */
  outDir?: string;
  /** A baseline (path to a soak-summary.json, report JSON or log, or a loaded one) to check for regressions. */
  baseline?: string | Baseline;
  /** Title used to pick this test's report from a soak-summary baseline. */
  title?: string;
}

export async function finishSoakRun(logPath: string, opts: FinishSoakRunOptions = {}): Promise<SoakRunResult> {
  const { report }: { report: Report } = await analyzeLogFile(logPath, opts.thresholds);
  const files = writeReportFiles(report, opts.outDir ?? dirname(logPath), logPath);
  const failures = failedAssertionMessages(report, 'error');
  if (opts.baseline !== undefined) {
    const baseline = typeof opts.baseline === 'string' ? await loadBaseline(opts.baseline) : opts.baseline;
    const check = checkAgainstBaseline(baseline, report, opts.title);
    if (check) failures.push(...check.regressions.map((m) => `regression vs baseline: ${m}`));
  }
  return { report, files, failures };
}
