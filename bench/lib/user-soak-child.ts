/**
 * One soak the way a user runs it (the same child as tests/e2e/user-runs/run-user-soak.ts: `playwright test
 * tests/memory-monitor.spec.ts --project=chromium` with the main config, the soak fixtures and the soak spec, set only
 * through documented SOAK_* settings on the embedded target), with its process tree measured from /proc while it
 * runs: wall time, CPU seconds of the runner (node) and of the browser, peak RSS. Each run gets a scratch folder and
 * its own free port. Returns the run's log, report and the figures; a run that wrote no log is an error.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Report } from '../../harness/analyze/report/report-schema.ts';
import type { LogHeader, LogRecord } from '../../harness/log/log-schema.ts';
import { readRunLog } from '../../tests/e2e/harness/read-run-log.ts';
import { fixtureEnv } from '../../tests/e2e/reporter/run-playwright.ts';
import { freePort } from '../../tests/e2e/user-runs/free-port.ts';
import { findFile, SHORT_RUN_SETTINGS } from '../../tests/e2e/user-runs/run-user-soak.ts';
import { sampleProcessTree, type TreeUsage } from './process-tree.ts';

const CLI = resolve('node_modules/@playwright/test/cli.js');

export interface BenchSoak {
  code: number;
  header: LogHeader;
  records: LogRecord[];
  report: Report | null;
  usage: TreeUsage;
  /** The child's output tail, for error messages. */
  tail: string;
  /** Where the run's wall time went (epoch ms of the spawn and exit against the log's clock). */
  phases: RunPhases | null;
}

/**
 * A run's wall time in three parts: start-up (spawn to the conversation's first step: Playwright, the worker, the
 * server, Chromium, the collectors, the page and its start steps), the conversation (to the log's run-end: the script
 * runs to the end of the turn in flight at SOAK_DURATION) and wind-down (run-end to exit: analysis, reports,
 * attachments, the reporters). Null when the log has no conversation start or run-end.
 */
export interface RunPhases {
  startupMs: number;
  conversationMs: number;
  windDownMs: number;
}

export function runPhases(header: LogHeader, records: readonly LogRecord[], spawnedAtMs: number, exitedAtMs: number): RunPhases | null {
  const logStartMs = Date.parse(header.startedAt);
  const started = records.find((r) => r.type === 'harness' && (r.kind === 'turn-start' || (r.kind === 'gc' && r.detail === 'conversation-start')));
  let ended: LogRecord | undefined;
  for (let i = records.length - 1; i >= 0 && !ended; i--) {
    const r = records[i]!;
    if (r.type === 'harness' && r.kind === 'run-end') ended = r;
  }
  if (!started || !ended || !Number.isFinite(logStartMs)) return null;
  return {
    startupMs: logStartMs + started.tMs - spawnedAtMs,
    conversationMs: ended.tMs - started.tMs,
    windDownMs: exitedAtMs - (logStartMs + ended.tMs),
  };
}

/** `settings` override the short-run settings (SOAK_DURATION, SOAK_FAULTS, ...). The scratch folder is removed after. */
export async function runBenchSoak(settings: Record<string, string>, timeoutMs: number): Promise<BenchSoak> {
  const out = mkdtempSync(join(tmpdir(), 'voice-soak-bench-soak-'));
  try {
    const env = fixtureEnv(out, {
      ...SHORT_RUN_SETTINGS,
      SOAK_PORT: String(await freePort()),
      ...settings,
      PLAYWRIGHT_HTML_OUTPUT_DIR: join(out, 'playwright-report'),
      ALLURE_RESULTS_DIR: join(out, 'allure-results'),
    });
    const spawnedAtMs = Date.now();
    const child = spawn(process.execPath, [CLI, 'test', 'tests/memory-monitor.spec.ts', '--project=chromium', `--output=${join(out, 'test-results')}`], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = sampleProcessTree(child.pid!);
    let output = '';
    child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-6000)));
    child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-6000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await new Promise<number>((done, fail) => {
      child.on('error', fail);
      child.on('close', (c, signal) => done(c ?? (signal ? 128 : 1)));
    });
    clearTimeout(timer);
    const exitedAtMs = Date.now();
    const usage = sampler.stop();
    const logPath = findFile(join(out, 'soak-runs'), 'run.jsonl');
    if (!logPath) throw new Error(`soak (${settings.SOAK_FAULTS || 'clean'}) wrote no run.jsonl; exit ${code}: ${output.slice(-1500)}`);
    const { header, records } = readRunLog(logPath);
    const reportPath = findFile(join(out, 'soak-runs'), 'report.json');
    const report = reportPath ? (JSON.parse(readFileSync(reportPath, 'utf8')) as Report) : null;
    return { code, header, records, report, usage, tail: output.slice(-1500), phases: runPhases(header, records, spawnedAtMs, exitedAtMs) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Runs `tasks` with at most `concurrency` at a time, in order; results in task order. */
export async function runPool<T>(tasks: readonly (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return results;
}
