/**
 * `voice-soak analyze <log.jsonl> [--format text|json|html|md] [--out FILE] [--thresholds FILE]`
 * Exit 0 when no error-level assertion failed, 1 when one did, 2 on unusable input, 64 on bad usage.
 * The report goes to stdout or --out; warnings go to stderr.
 */
import type { ThresholdsInput } from '../thresholds/thresholds-schema.ts';
import { readThresholdsFile } from '../thresholds/thresholds-file.ts';
import { renderReport, REPORT_FORMATS, type ReportFormat } from './render-report.ts';
import { analyzeLogFile } from '../analyze/analyze-log-file.ts';
import { fileError } from '../log/log-input-error.ts';
import { parseCommandArgs } from './parse-args.ts';
import { terminalSafeErrors, writeWarning } from './terminal-safe-errors.ts';
import { writeOutput } from './write-output.ts';

export function run(args: string[]): Promise<number> {
  return terminalSafeErrors(() => analyze(args));
}

async function analyze(args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(args, {
    command: 'analyze',
    positionals: ['log.jsonl'],
    options: ['format', 'out', 'thresholds'],
    metavars: { out: 'FILE', thresholds: 'FILE' },
    choices: { format: REPORT_FORMATS },
  });
  const logPath = positionals[0]!;
  let thresholds: ThresholdsInput | undefined;
  if (values.thresholds !== undefined) {
    try {
      thresholds = await readThresholdsFile(values.thresholds);
    } catch (error) {
      throw fileError(error, values.thresholds);
    }
  }
  const { report, warnings } = await analyzeLogFile(logPath, thresholds);
  for (const warning of warnings) writeWarning('analyze', warning);
  await writeOutput(renderReport(report, (values.format ?? 'text') as ReportFormat), values.out);
  return report.verdict === 'fail' ? 1 : 0;
}
