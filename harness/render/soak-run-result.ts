/** What finishing one soak run produced: the report, the files written (to attach), the error-level failures. */
import type { Report } from '../analyze/report/report-schema.ts';

export interface SoakRunFile {
  /** Attachment name, e.g. `voice-soak-report.json`, `chart-heap.svg`, `voice-soak-log.jsonl`. */
  name: string;
  contentType: string;
  /** Absolute path on disk. */
  path: string;
}

export interface SoakRunResult {
  report: Report;
  files: SoakRunFile[];
  /** Messages of the failed error-level assertions, in report order; empty when the run passed. */
  failures: string[];
}
