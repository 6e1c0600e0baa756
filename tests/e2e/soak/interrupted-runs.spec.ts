/**
 * A run stopped half-way leaves a valid JSONL up to that point, and `voice-soak analyze` reports on it (exit 0 or
 * 1, never 2): SIGINT to a child `playwright test` running a soak, a renderer crash, the realtime server gone.
 * (A SIGKILLed run: tests/e2e/harness/killed-run.spec.ts.)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { prepareSoakRun } from '../../../harness/collect/prepare-soak-run.ts';
import type { SoakRunOptions } from '../../../harness/collect/soak-run-options.ts';
import { startSoakSession } from '../../../harness/collect/start-soak-session.ts';
import { startRealtimeServer } from '../../../target/server/start-realtime-server.ts';
import { readRunLog } from '../harness/read-run-log.ts';
import { runCli } from '../../unit/cli/run-cli.ts';
import { SHORT_RUN_SCRIPT, SHORT_RUN_THRESHOLDS, SOAK_E2E_RUNS_DIR } from './soak-fault-fixtures.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const analyzeCli = (logPath: string) => runCli(['analyze', logPath, '--format', 'json']);

async function findRunLog(dir: string): Promise<string | null> {
  for (const entry of await readdir(dir, { recursive: true }).catch(() => [] as string[])) {
    if (String(entry).endsWith('run.jsonl')) return join(dir, String(entry));
  }
  return null;
}

function runOptions(targetUrl: string, durationMs: number): SoakRunOptions {
  return {
    durationMs, targetUrl, embedded: true, startSelector: '#start', micMode: 'controllable', micDir: undefined,
    scriptPath: SHORT_RUN_SCRIPT, faults: '', redirectWs: [], sampleIntervalMs: 1_000,
    outputDir: SOAK_E2E_RUNS_DIR, apiKey: undefined, thresholds: SHORT_RUN_THRESHOLDS,
  };
}

const hasTurnEnd = (path: string) => existsSync(path) && readFileSync(path, 'utf8').includes('"kind":"turn-end"');

test('SIGINT to a child `playwright test` soak leaves a valid, analyzable log', async () => {
  test.setTimeout(75_000);
  const server = await startRealtimeServer({ port: 0, replyScale: 0.25 });
  // Its own fresh folder in the temp dir: nothing another test or an earlier run left behind is needed.
  const outputDir = await mkdtemp(join(tmpdir(), 'voice-soak-sigint-'));
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '--config', join(import.meta.dirname, 'interruptible/playwright.child.config.ts')], {
    cwd: ROOT,
    env: { ...process.env, SOAK_E2E_TARGET_URL: `${server.httpUrl}?dialect=ga`, SOAK_E2E_OUTPUT_DIR: outputDir, CI: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let logPath: string | null = null;
  try {
    await expect.poll(async () => (logPath = await findRunLog(outputDir)), { timeout: 40_000 }).not.toBeNull().catch((error: Error) => { throw new Error(`${error.message}\nchild output:\n${output}`); });
    await expect.poll(() => hasTurnEnd(logPath!), { timeout: 30_000 }).toBe(true);
    process.kill(-child.pid!, 'SIGINT'); // as Ctrl-C in a terminal: the whole process group
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))]);
    expect(code, output).not.toBe('hung');
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    await server.close();
  }
  const { records } = readRunLog(logPath!); // every line parses and validates, the last one is complete
  expect(records.filter((r) => r.type === 'cdp').length).toBeGreaterThanOrEqual(5);
  const cli = await analyzeCli(logPath!);
  expect([0, 1], cli.stderr).toContain(cli.code);
  expect(JSON.parse(cli.stdout).assertions.length).toBeGreaterThan(5);
});

test('a renderer crash is logged as a harness crash and reported as a crashes issue', async ({ browser }) => {
  test.setTimeout(60_000);
  const server = await startRealtimeServer({ port: 0, replyScale: 0.25 });
  const run = await prepareSoakRun(runOptions(`${server.httpUrl}?dialect=ga`, 60_000), 'renderer crash');
  const context = await browser.newContext({ permissions: ['microphone'] });
  try {
    const page = await context.newPage();
    const session = await startSoakSession(run, browser, page);
    const conversation = session.runConversation().catch((error: Error) => error);
    await expect.poll(() => hasTurnEnd(session.logPath), { timeout: 20_000 }).toBe(true);
    const cdp = await context.newCDPSession(page);
    void cdp.send('Page.crash').catch(() => undefined); // never answered: the renderer dies first
    await expect.poll(() => readFileSync(session.logPath, 'utf8').includes('"kind":"crash"'), { timeout: 10_000 }).toBe(true);
    // The conversation stops at the crash (a turn waiting on the dead page may take until its own timeout).
    await Promise.race([conversation, new Promise((r) => setTimeout(r, 15_000))]);
    await session.stop('renderer crashed');
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
  }
  const { records } = readRunLog(run.logPath);
  expect(records.some((r) => r.type === 'harness' && r.kind === 'crash')).toBe(true);
  const cli = await analyzeCli(run.logPath);
  expect(cli.code, cli.stderr).toBe(1);
  const report = JSON.parse(cli.stdout) as { issues: { id: string; level: string }[] };
  expect(report.issues).toContainEqual(expect.objectContaining({ id: 'crashes', level: 'error' }));
});

test('the realtime server killed mid-run leaves a valid, analyzable log', async ({ browser }) => {
  test.setTimeout(60_000);
  const server = await startRealtimeServer({ port: 0, replyScale: 0.25 });
  const run = await prepareSoakRun(runOptions(`${server.httpUrl}?dialect=ga`, 20_000), 'server killed');
  const context = await browser.newContext({ permissions: ['microphone'] });
  try {
    const page = await context.newPage();
    const session = await startSoakSession(run, browser, page);
    const conversation = session.runConversation();
    await expect.poll(() => hasTurnEnd(session.logPath), { timeout: 20_000 }).toBe(true);
    await server.close(); // every socket terminated, nothing listens any more
    await conversation; // the script carries on to its deadline against a dead server
    await session.stop();
  } finally {
    await context.close().catch(() => undefined);
  }
  const { records } = readRunLog(run.logPath);
  expect(records.some((r) => r.type === 'harness' && r.kind === 'run-end')).toBe(true);
  expect(records.some((r) => r.type === 'ws' && r.readyState === 3)).toBe(true); // the monitor saw the socket close
  const cli = await analyzeCli(run.logPath);
  expect([0, 1], cli.stderr).toContain(cli.code);
  const report = JSON.parse(cli.stdout) as { verdict: string; issues: { id: string; level: string }[] };
  expect(report.verdict).toBe('fail'); // a dead backend is never a pass
});
