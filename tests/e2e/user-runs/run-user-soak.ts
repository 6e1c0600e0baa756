/**
 * A soak exactly as a user runs it against their own app: `playwright test tests/memory-monitor.spec.ts
 * --project=chromium` with the main config, the soak fixtures and the soak spec, configured only through
 * documented SOAK_* settings. Everything it writes (soak-runs, the HTML report, test-results, Allure results) goes
 * under `out`. Short-run settings: an 8 s warm-up, the short-turns script, short replies from the embedded server.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import type { Report } from '../../../harness/analyze/report/report-schema.ts';
import type { SoakSummary } from '../../../harness/verdict/soak-summary-schema.ts';
import { readRunLog } from '../harness/read-run-log.ts';
import { fixtureEnv, readSoakSummary, runPlaywright, type PlaywrightRun } from '../reporter/run-playwright.ts';

export const SHORT_RUN_SETTINGS: Record<string, string> = {
  SOAK_HEADLESS: '1',
  SOAK_DURATION: '30s',
  SOAK_SCRIPT: 'tests/e2e/soak/short-run-script.json',
  SOAK_THRESHOLD_WARMUP_MS: '8000', // past the first turn, whose reply comes from a cold page and server
  SOAK_REPLY_SCALE: '0.25',
  SOAK_LOOPBACK_ONLY: '1',
};

export interface UserSoak extends PlaywrightRun {
  summary: SoakSummary | null;
  header: LogHeader;
  records: LogRecord[];
  report: Report | null;
  /** One line per finding and the child's last output lines, for expectation messages. */
  explain: string;
}

/** The first file under dir (recursively) whose path ends with name. */
export function findFile(dir: string, name: string): string | null {
  if (!existsSync(dir)) return null;
  const hit = readdirSync(dir, { recursive: true })
    .map(String)
    .find((entry) => entry.endsWith(name));
  return hit ? join(dir, hit) : null;
}

/** `playwrightArgs` go after the user's command line, as a user adds them (`--trace=on`). */
export async function runUserSoak(
  out: string,
  settings: Record<string, string>,
  timeoutMs = 120_000,
  playwrightArgs: readonly string[] = [],
): Promise<UserSoak> {
  const env = fixtureEnv(out, {
    ...SHORT_RUN_SETTINGS,
    ...settings,
    PLAYWRIGHT_HTML_OUTPUT_DIR: join(out, 'playwright-report'),
    ALLURE_RESULTS_DIR: join(out, 'allure-results'),
  });
  const run = await runPlaywright(
    ['test', 'tests/memory-monitor.spec.ts', '--project=chromium', `--output=${join(out, 'test-results')}`, ...playwrightArgs],
    env,
    out,
    timeoutMs,
  );
  const logPath = findFile(join(out, 'soak-runs'), 'run.jsonl');
  if (!logPath) throw new Error(`no run.jsonl under ${out}; exit ${run.code}\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`);
  const { header, records } = readRunLog(logPath);
  const reportPath = findFile(join(out, 'soak-runs'), 'report.json');
  const report = reportPath ? (JSON.parse(readFileSync(reportPath, 'utf8')) as Report) : null;
  const summary = existsSync(join(out, 'soak-runs', 'soak-summary.json')) ? readSoakSummary(join(out, 'soak-runs')) : null;
  const findings = report?.issues.map((i) => `${i.level} ${i.message}`).join('\n') ?? '(no report)';
  const explain = `exit ${run.code}\n${findings}\n--- child output (tail) ---\n${(run.stdout + run.stderr).slice(-2500)}`;
  return { ...run, summary, header, records, report, explain };
}

/** Ids of the failed error-level assertions (what fails the run). */
/** The run's assertion with this id, if its report has one. */
export function assertionOf(run: UserSoak, id: string): Report['assertions'][number] | undefined {
  return run.report?.assertions.find((a) => a.id === id);
}

export function failedErrorIds(report: Report | null): string[] {
  return (report?.assertions ?? []).filter((a) => !a.passed && a.level === 'error').map((a) => a.id);
}

export interface TurnCoverage {
  scripted: number;
  withTtfr: number;
  ttfrMs: number[];
}

/**
 * Per scripted turn (harness turn-start to the next turn-start): did reply audio start (rt first-audio), and how
 * long after the user's turn ended (the turn's first speech-stopped, committed or response-requested, else the
 * harness turn-end) did it?
 */
export function turnCoverage(records: readonly LogRecord[]): TurnCoverage {
  const starts = records.filter((r) => r.type === 'harness' && r.kind === 'turn-start').map((r) => r.tMs);
  const rt = records.filter((r) => r.type === 'rt');
  const ttfrMs: number[] = [];
  starts.forEach((fromMs, i) => {
    const toMs = starts[i + 1] ?? Number.POSITIVE_INFINITY;
    const inTurn = rt.filter((r) => r.tMs >= fromMs && r.tMs < toMs);
    const end = inTurn.find((r) => r.kind === 'speech-stopped' || r.kind === 'committed' || r.kind === 'response-requested');
    const first = inTurn.find((r) => r.kind === 'first-audio' && (!end || r.tMs >= end.tMs));
    if (end && first) ttfrMs.push(first.tMs - end.tMs);
  });
  return { scripted: starts.length, withTtfr: ttfrMs.length, ttfrMs };
}

/** The ws records' frame counts over time for the page's busiest socket. */
export function framesOverTime(records: readonly LogRecord[]): { sent: number[]; received: number[]; maxBufferedBytes: number } {
  const ws = records.filter((r) => r.type === 'ws');
  const busiest = [...new Set(ws.map((r) => r.socketId))].sort(
    (a, b) => ws.filter((r) => r.socketId === b).length - ws.filter((r) => r.socketId === a).length,
  )[0];
  const mine = ws.filter((r) => r.socketId === busiest);
  return {
    sent: mine.map((r) => r.framesSent),
    received: mine.map((r) => r.framesReceived),
    maxBufferedBytes: Math.max(0, ...mine.map((r) => r.bufferedAmountBytes)),
  };
}
