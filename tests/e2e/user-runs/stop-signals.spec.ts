/**
 * A soak stopped by a signal, the user's way (`playwright test tests/memory-monitor.spec.ts --project=chromium`,
 * headed, with the Xvfb that globalSetup starts and the embedded target that the config's webServer starts):
 *  - SIGTERM to the runner alone (kill <pid>, `timeout`, docker stop, a CI job cancelled), exit 143;
 *  - SIGINT to the whole process group (Ctrl-C in a terminal), exit 130.
 * Either way the run leaves its log, its report files and the soak summary; the summary, the history and
 * `voice-soak verdict` say it failed as a partial run; and no process the run started is left behind.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { historySchema } from '../../../harness/verdict/history-schema.ts';
import { readRunLog } from '../harness/read-run-log.ts';
import { fixtureEnv, readSoakSummary } from '../reporter/run-playwright.ts';
import { runCli } from '../cli/run-cli.ts';
import { freePort } from './free-port.ts';
import { MARK_VAR, processesWithMark } from './processes-with-mark.ts';
import { SHORT_RUN_SETTINGS } from './run-user-soak.ts';

const CLI = resolve('node_modules/@playwright/test/cli.js');

function filesUnder(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .map((f) => join(dir, f))
    : [];
}

async function stoppedSoak(signal: 'SIGTERM' | 'SIGINT', target: 'runner' | 'group') {
  const out = mkdtempSync(join(tmpdir(), `voice-soak-${signal.toLowerCase()}-`));
  const mark = randomUUID();
  const env = fixtureEnv(out, {
    ...SHORT_RUN_SETTINGS,
    SOAK_HEADLESS: '0',
    SOAK_DURATION: '90s',
    SOAK_PORT: String(await freePort()),
    PLAYWRIGHT_HTML_OUTPUT_DIR: join(out, 'playwright-report'),
    ALLURE_RESULTS_DIR: join(out, 'allure-results'),
    [MARK_VAR]: mark,
  });
  delete env.DISPLAY; // globalSetup starts Xvfb, as on a CI runner
  const child = spawn(process.execPath, [CLI, 'test', 'tests/memory-monitor.spec.ts', '--project=chromium', `--output=${join(out, 'test-results')}`], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('close', (code, sig) => done(code ?? (sig ? 128 : null))));
  const log = () => filesUnder(join(out, 'soak-runs')).find((f) => f.endsWith('run.jsonl'));
  const turnEnded = () => {
    const path = log();
    return path !== undefined && readFileSync(path, 'utf8').includes('"kind":"turn-end"');
  };
  try {
    await expect.poll(turnEnded, { timeout: 60_000, message: `a turn ended before the signal\n${output.slice(-2000)}` }).toBe(true);
    process.kill(target === 'group' ? -child.pid! : child.pid!, signal);
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 45_000))]);
    return { out, mark, code, output, logPath: log()! };
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // exited
    }
  }
}

for (const [signal, target, exitCode] of [
  ['SIGTERM', 'runner', 143],
  ['SIGINT', 'group', 130],
] as const) {
  test(`${signal} to the ${target} of a headed soak leaves the log, the reports and a failed summary, and no process behind`, async () => {
    test.setTimeout(150_000);
    const run = await stoppedSoak(signal, target);
    expect(run.code, run.output.slice(-3000)).toBe(exitCode);
    // Everything the run started has stopped: webServer, Xvfb, Chromium, workers.
    await expect.poll(() => processesWithMark(run.mark), { timeout: 5_000 }).toEqual([]);

    const { records } = readRunLog(run.logPath); // every line whole and valid
    expect(records.filter((r) => r.type === 'cdp').length).toBeGreaterThanOrEqual(5);
    const runEnd = records.find((r) => r.type === 'harness' && r.kind === 'run-end') as { detail?: string } | undefined;
    expect(runEnd?.detail).toMatch(/^test interrupted/);
    const soakRuns = join(run.out, 'soak-runs');
    for (const name of ['report.json', 'report.txt', 'report.html'])
      expect(
        filesUnder(soakRuns).some((f) => f.endsWith(name)),
        name,
      ).toBe(true);
    expect(existsSync(join(soakRuns, 'soak-summary.md'))).toBe(true);
    const summary = readSoakSummary(soakRuns);
    expect(summary.status).toBe('failed');
    expect(summary.tests[0]!.partial).toMatch(/^test interrupted at \d+\.\d s$/);
    expect(summary.tests[0]!.failures.join('\n')).toMatch(/run-complete: partial: test interrupted at/);

    const verdict = await runCli(['verdict', join(soakRuns, 'soak-summary.json')]);
    expect(verdict.code, verdict.stdout + verdict.stderr).toBe(1);
    expect(verdict.stdout).toContain('FAIL (partial)');
    const history = historySchema.parse(JSON.parse(readFileSync(join(run.out, 'soak-history.json'), 'utf8')));
    expect(history.runs.at(-1)!.tests[0]!.partial).toBe(summary.tests[0]!.partial);
  });
}
