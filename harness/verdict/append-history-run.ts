/** Append one run's summary to a history, keeping the last maxRuns runs. Pure: returns a new History. */
import type { SoakSummary } from './soak-summary-schema.ts';
import { HISTORY_MAX_RUNS, type History, type HistoryRun } from './history-schema.ts';

export function historyRunFromSummary(summary: SoakSummary, revision?: string): HistoryRun {
  const run: HistoryRun = {
    finishedAt: summary.generatedAt,
    status: summary.status,
    tests: summary.tests.map((t) => ({ title: t.title, verdict: t.verdict, ...(t.partial ? { partial: t.partial } : {}), metrics: { ...t.metrics } })),
  };
  if (revision) run.revision = revision;
  return run;
}

export function appendHistoryRun(history: History, run: HistoryRun, maxRuns = HISTORY_MAX_RUNS): History {
  if (!Number.isInteger(maxRuns) || maxRuns < 1) throw new Error(`appendHistoryRun: maxRuns must be a positive integer, got ${maxRuns}`);
  return { ...history, runs: [...history.runs, run].slice(-maxRuns) };
}
