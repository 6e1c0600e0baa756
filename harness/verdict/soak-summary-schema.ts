/**
 * soak-summary.json: one entry per soak test of a run (also of merged shards), written by the soak reporter and by
 * `voice-soak summarize`.
 * Versioned; also accepted as SOAK_BASELINE (each entry's reportFile is relative to the summary's folder).
 */
import { z } from 'zod';

export const SOAK_SUMMARY_SCHEMA_VERSION = 1;

const nullableNum = z.number().finite().nullable();

export const baselineCheckSchema = z.object({
  /** Where the baseline came from (path given in SOAK_BASELINE). */
  source: z.string(),
  /** Significant regressions, one sentence each (error level: they fail the run). */
  regressions: z.array(z.string()),
  /** Significant improvements, one sentence each. */
  improvements: z.array(z.string()),
});

export const soakSummaryEntrySchema = z.object({
  /** "file > describe > test title" (project not included). */
  title: z.string(),
  project: z.string(),
  /** Playwright outcome of the test (passed, failed, timedOut, ...). */
  status: z.string(),
  /** The report's verdict, or 'missing' when the test left neither a report nor a log. */
  verdict: z.enum(['pass', 'warn', 'fail', 'missing']),
  /** Report JSON, relative to the summary's folder when it lies below it, else absolute; null when missing. */
  reportFile: z.string().nullable(),
  /** True when the soak fixture analyzed the log on its teardown because the test ended before soak.finish(). */
  recovered: z.boolean(),
  /** What cut the run short and when ("test interrupted at 14.8 s"), or null when it ran its script to the end. */
  partial: z.string().nullable().default(null),
  metrics: z.record(z.string(), nullableNum),
  issues: z.array(z.object({ id: z.string(), level: z.enum(['warn', 'error']), message: z.string() })),
  /** Failed error-level assertions (fail the run). */
  failures: z.array(z.string()),
  /** Failed warn-level assertions (shown, do not fail). */
  warnings: z.array(z.string()),
  baseline: baselineCheckSchema.nullable(),
  /** Why the entry has no report, when it has none. */
  note: z.string().optional(),
});

export const soakSummarySchema = z.object({
  schemaVersion: z.literal(SOAK_SUMMARY_SCHEMA_VERSION),
  kind: z.literal('voice-soak-summary'),
  /** ISO time the summary was written. */
  generatedAt: z.string(),
  /** 'failed' when any entry has an error-level failure or a significant regression. */
  status: z.enum(['passed', 'failed']),
  tests: z.array(soakSummaryEntrySchema),
});

export type BaselineCheck = z.infer<typeof baselineCheckSchema>;
export type SoakSummaryEntry = z.infer<typeof soakSummaryEntrySchema>;
export type SoakSummary = z.infer<typeof soakSummarySchema>;
