/**
 * The nightly history file (SOAK_HISTORY_FILE, JSON): the key metrics of each soak test over the last runs,
 * oldest first, capped. Versioned; restored and saved between CI runs (actions/cache).
 */
import { z } from 'zod';

export const HISTORY_SCHEMA_VERSION = 1;
export const HISTORY_MAX_RUNS = 60;

export const historyRunSchema = z.object({
  /** ISO time the run's summary was written. */
  finishedAt: z.string(),
  status: z.enum(['passed', 'failed']),
  /** CI revision or run id when known (GITHUB_SHA, CI_COMMIT_SHA, GIT_COMMIT). */
  revision: z.string().optional(),
  tests: z.array(
    z.object({
      title: z.string(),
      verdict: z.enum(['pass', 'warn', 'fail', 'missing']),
      /** Set when the run was cut short ("test interrupted at 14.8 s"): its metrics cover only part of the run. */
      partial: z.string().optional(),
      metrics: z.record(z.string(), z.number().finite().nullable()),
    }),
  ),
});

export const historySchema = z.object({
  schemaVersion: z.literal(HISTORY_SCHEMA_VERSION),
  kind: z.literal('voice-soak-history'),
  runs: z.array(historyRunSchema),
});

export type HistoryRun = z.infer<typeof historyRunSchema>;
export type History = z.infer<typeof historySchema>;

export const EMPTY_HISTORY: History = { schemaVersion: HISTORY_SCHEMA_VERSION, kind: 'voice-soak-history', runs: [] };
