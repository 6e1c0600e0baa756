/**
 * Streams a JSONL log through the analyzer: readLog feeds the header to createAnalyzer and each record to add();
 * the reader's warnings (e.g. a truncated last line) go into the report. `thresholds` is a partial layer
 * over the header's thresholds (a --thresholds file). Unusable input throws with exitCode 2.
 */
import { createAnalyzer } from '../core/analyze.ts';
import type { Report } from '../core/report/report-schema.ts';
import type { LogHeader, LogRecord } from '../core/log/log-schema.ts';
import type { ThresholdsInput } from '../core/thresholds/thresholds-schema.ts';
import { readLog } from '../io/log-reader.ts';
import { fileError, InputError } from './cli-errors.ts';

export interface AnalyzedLog {
  report: Report;
  warnings: string[];
}

export async function analyzeLogFile(path: string, thresholds?: ThresholdsInput): Promise<AnalyzedLog> {
  let analyzer: ReturnType<typeof createAnalyzer> | undefined;
  let result: Awaited<ReturnType<typeof readLog>>;
  try {
    result = await readLog(
      path,
      (header: LogHeader) => {
        analyzer = createAnalyzer(header, thresholds);
      },
      (record: LogRecord) => analyzer?.add(record),
    );
  } catch (error) {
    throw fileError(error, path);
  }
  if (!analyzer) throw new InputError(`${path}: no header line (is this a voice-soak log?)`);
  const warnings = [...result.warnings];
  return { report: analyzer.finish(warnings), warnings };
}
