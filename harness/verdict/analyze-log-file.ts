/** Analyze one JSONL log file in a single streaming pass (log reader -> analyzer). */
import { createAnalyzer } from '../core/analyze.ts';
import type { Report } from '../core/report/report-schema.ts';
import type { Thresholds } from '../core/thresholds/thresholds-schema.ts';
import { readLog } from '../io/log-reader.ts';

export async function analyzeLogFile(logPath: string, thresholds?: Thresholds): Promise<Report> {
  let analyzer: ReturnType<typeof createAnalyzer> | undefined;
  const read = await readLog(
    logPath,
    (header) => {
      analyzer = createAnalyzer(header, thresholds);
    },
    (record) => analyzer!.add(record),
  );
  if (!analyzer) throw new Error(`${logPath}: no header line, so nothing to analyze`);
  return analyzer.finish(read?.warnings);
}
