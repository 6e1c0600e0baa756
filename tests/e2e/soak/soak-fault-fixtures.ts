/**
 * The soak fixtures against an embedded realtime server started by the test worker (port 0), tuned for short
 * fault runs: a private output folder outside test-results/, short replies, and thresholds suited to a 30-45 s run
 * (a 5 s warm-up; budgets keep the defaults' meaning).
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { test as embeddedTargetTest } from '../harness/embedded-target-fixtures.ts';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../../harness/thresholds/thresholds-schema.ts';
import type { Report } from '../../../harness/analyze/report/report-schema.ts';
import type { SoakRunResult } from '../../../harness/render/soak-run-result.ts';

/** Outside test-results/, which every `playwright test` start wipes. */
export const SOAK_E2E_RUNS_DIR = join(tmpdir(), 'voice-soak-e2e-soak-runs');

/** Short turns back to back: enough turns and forced-GC samples after warm-up in 30 s. */
export const SHORT_RUN_SCRIPT = join(import.meta.dirname, 'short-run-script.json');

export const SHORT_RUN_THRESHOLDS: Thresholds = { ...DEFAULT_THRESHOLDS, warmupMs: 5_000 };

export const test = embeddedTargetTest.extend({
  targetUrl: async ({ server }, use) => use(`${server.httpUrl}?dialect=ga`),
  startSelector: '#start',
  micMode: 'controllable',
  redirectWs: [],
  sampleIntervalMs: 1_000,
  // heapProfile: on whatever SOAK_HEAP_PROFILE says, so the heap-sites checks (heap-sites.spec.ts, the clean run) always have checkpoints.
  soakRunOptions: { outputDir: SOAK_E2E_RUNS_DIR, embedded: true, thresholds: SHORT_RUN_THRESHOLDS, scriptPath: SHORT_RUN_SCRIPT, heapProfile: true },
});

/** Ids of the failed error-level assertions (what fails the run). */
export function failedErrorIds(report: Report): string[] {
  return report.assertions.filter((a) => !a.passed && a.level === 'error').map((a) => a.id);
}

/** One line per finding, for the test's output when an expectation fails. */
export function describeFindings(result: SoakRunResult): string {
  return result.report.issues.map((i) => `${i.level} ${i.message}`).join('\n') || '(no findings)';
}

export { expect } from '@playwright/test';
