/** The versioned soak-summary object of one run from its entries. */
import { entryFailsRun } from './summary-entry-from-report.ts';
import { SOAK_SUMMARY_SCHEMA_VERSION, type SoakSummary, type SoakSummaryEntry } from './soak-summary-schema.ts';

export function buildSoakSummary(entries: SoakSummaryEntry[], generatedAt: Date): SoakSummary {
  return {
    schemaVersion: SOAK_SUMMARY_SCHEMA_VERSION,
    kind: 'voice-soak-summary',
    generatedAt: generatedAt.toISOString(),
    status: entries.some(entryFailsRun) ? 'failed' : 'passed',
    tests: entries,
  };
}
