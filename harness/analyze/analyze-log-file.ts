/**
 * Streams a JSONL log through the analyzer: readLog feeds the header to createAnalyzer and each record to add();
 * the reader's warnings (e.g. a truncated last line) go into the report. `thresholds` is a partial layer
 * over the header's thresholds (a --thresholds file). Unusable input throws with exitCode 2; a soak summary, report
 * or comparison JSON given instead of a log is named as such, with the command that takes it.
 */
import { createAnalyzer } from './analyze.ts';
import type { Report } from './report/report-schema.ts';
import type { LogHeader, LogRecord } from '../log/log-schema.ts';
import type { ThresholdsInput } from '../thresholds/thresholds-schema.ts';
import { readLog } from '../log/log-reader.ts';
import { fileError, InputError, LogInputError } from '../log/log-input-error.ts';
import { identifyJsonArtifact, wrongArtifactMessage } from './identify-json-artifact.ts';

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
    if (error instanceof LogInputError && error.line === 1) {
      const kind = await identifyJsonArtifact(path);
      if (kind) throw new InputError(wrongArtifactMessage(path, kind, 'a JSONL log'));
    }
    throw fileError(error, path);
  }
  if (!analyzer) throw new InputError(`${path}: no header line (is this a voice-soak log?)`);
  const warnings = [...result.warnings];
  return { report: analyzer.finish(warnings), warnings };
}
