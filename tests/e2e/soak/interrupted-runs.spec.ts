/**
 * A run stopped half-way leaves a valid JSONL up to that point, and `voice-soak analyze` reports on it (exit 0 or
 * 1, never 2): a renderer crash, the browser killed, the realtime server gone. (SIGINT and SIGTERM, the user's way:
 * tests/e2e/user-runs/stop-signals.spec.ts; a SIGKILLed run: tests/e2e/harness/killed-run.spec.ts.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { prepareSoakRun } from '../../../harness/collect/prepare-soak-run.ts';
import type { SoakRunOptions } from '../../../harness/collect/soak-run-options.ts';
import { startSoakSession } from '../../../harness/collect/start-soak-session.ts';
import { startRealtimeServer } from '../../../reference/server/start-realtime-server.ts';
import { readRunLog } from '../harness/read-run-log.ts';
import { runCli } from '../cli/run-cli.ts';
import { SHORT_RUN_SCRIPT, SHORT_RUN_THRESHOLDS, SOAK_E2E_RUNS_DIR } from './soak-fault-fixtures.ts';

const analyzeCli = (logPath: string) => runCli(['analyze', logPath, '--format', 'json']);

function runOptions(targetUrl: string, durationMs: number): SoakRunOptions {
  return {
    durationMs,
    targetUrl,
    embedded: true,
    startSelector: '#start',
    micMode: 'controllable',
    micDir: undefined,
    scriptPath: SHORT_RUN_SCRIPT,
    faults: '',
    redirectWs: [],
    sampleIntervalMs: 1_000,
    outputDir: SOAK_E2E_RUNS_DIR,
    apiKey: undefined,
    thresholds: SHORT_RUN_THRESHOLDS,
  };
}

const hasTurnEnd = (path: string) => existsSync(path) && readFileSync(path, 'utf8').includes('"kind":"turn-end"');

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
    const crashedAt = Date.now();
    await conversation; // it stops at the crash, not at its deadline a minute later
    expect(Date.now() - crashedAt).toBeLessThan(10_000);
    await session.stop();
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
  }
  const { records } = readRunLog(run.logPath);
  expect(records.some((r) => r.type === 'harness' && r.kind === 'crash')).toBe(true);
  const runEnd = records.find((r) => r.type === 'harness' && r.kind === 'run-end') as { detail?: string } | undefined;
  expect(runEnd?.detail).toMatch(/^renderer crashed at \d+\.\d s/);
  const cli = await analyzeCli(run.logPath);
  expect(cli.code, cli.stderr).toBe(1);
  const report = JSON.parse(cli.stdout) as { issues: { id: string; level: string }[] };
  expect(report.issues).toContainEqual(expect.objectContaining({ id: 'crashes', level: 'error' }));
  expect(report.issues).toContainEqual(expect.objectContaining({ id: 'run-complete', level: 'error' }));
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
  expect(records.some((r) => r.type === 'harness' && r.kind === 'ws-closed')).toBe(true); // and CDP, as an event
  const cli = await analyzeCli(run.logPath);
  expect([0, 1], cli.stderr).toContain(cli.code);
  const report = JSON.parse(cli.stdout) as { verdict: string; issues: { id: string; level: string }[] };
  expect(report.verdict).toBe('fail'); // a dead backend is never a pass
  expect(report.issues.map((i) => i.id)).toContain('socket-drops');
});

test('the browser killed mid-run: a crash event at once, the conversation stops within seconds, a partial run', async ({ playwright }) => {
  test.setTimeout(60_000);
  const server = await startRealtimeServer({ port: 0, replyScale: 0.25 });
  const server0 = await playwright.chromium.launchServer({
    executablePath: test.info().project.use.launchOptions?.executablePath,
    args: ['--autoplay-policy=no-user-gesture-required'],
  });
  const browser = await playwright.chromium.connect(server0.wsEndpoint());
  const run = await prepareSoakRun(runOptions(`${server.httpUrl}?dialect=ga`, 60_000), 'browser killed');
  try {
    const page = await (await browser.newContext({ permissions: ['microphone'] })).newPage();
    const session = await startSoakSession(run, browser, page);
    const conversation = session.runConversation();
    await expect.poll(() => hasTurnEnd(session.logPath), { timeout: 20_000 }).toBe(true);
    const killedAt = Date.now();
    server0.process().kill('SIGKILL'); // as the OOM killer would
    await conversation;
    await session.stop();
    expect(Date.now() - killedAt).toBeLessThan(10_000); // not the 60 s the script had left
  } finally {
    await browser.close().catch(() => undefined);
    await server0.close().catch(() => undefined);
    await server.close();
  }
  const { records } = readRunLog(run.logPath);
  // The renderer may be seen dying first (a crash record of its own); the browser's is there either way.
  const crashes = records.filter((r) => r.type === 'harness' && r.kind === 'crash').map((r) => (r as { detail?: string }).detail);
  expect(crashes).toContainEqual(expect.stringMatching(/^browser disconnected/));
  const runEnd = records.find((r) => r.type === 'harness' && r.kind === 'run-end') as { detail?: string } | undefined;
  expect(runEnd?.detail).toMatch(/^(browser gone|renderer crashed) at \d+\.\d s/);
  const cli = await analyzeCli(run.logPath);
  expect(cli.code, cli.stderr).toBe(1);
  const report = JSON.parse(cli.stdout) as { issues: { id: string; level: string; message: string }[] };
  expect(report.issues).toContainEqual(expect.objectContaining({ id: 'crashes', level: 'error' }));
  expect(report.issues.find((i) => i.id === 'run-complete')?.message).toMatch(/^run-complete: partial: (browser gone|renderer crashed) at/);
});
