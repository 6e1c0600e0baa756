/**
 * More shapes of someone else's app, each through the user's path (the soak spec, the main config, settings only):
 *  - a relay URL baked in at build time, reached directly: SOAK_REALTIME_PORT starts the embedded realtime server on
 *    that port, no redirect, and SOAK_FAULTS reaches it;
 *  - a form that complains: the alert is logged and shown in the report, and a soak that measured nothing fails,
 *    saying what is missing;
 *  - a socket inside a Web Worker: seen through CDP worker targets (frame counts), and the report says where it lives;
 *  - a SOAK_REALTIME_URL that does not answer: one line and exit 69 before a browser opens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveStaticDir, type StaticServer } from '../soak/serve-static-dir.ts';
import { fixtureEnv, runPlaywright } from '../reporter/run-playwright.ts';
import { countArtifacts, findSecretInArtifacts } from './find-secret-in-artifacts.ts';
import { failedErrorIds, runUserSoak, turnCoverage } from './run-user-soak.ts';
import { freePort } from './free-port.ts';

const CLIENTS_DIR = join(import.meta.dirname, '..', '..', 'third-party-clients');
const URL_KEY = 'sk-urlsecret-5d1c7e09a2b34f66';
const WORKER_PAGE_DIR = join(import.meta.dirname, '..', 'fixtures-pages', 'worker-socket');

let site: StaticServer;
const dirs: string[] = [];
const scratch = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `voice-soak-app-shapes-${name}-`));
  dirs.push(dir);
  return dir;
};

test.beforeAll(async () => {
  site = await serveStaticDir(CLIENTS_DIR);
});
test.afterAll(async () => {
  await site?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

test('a relay URL baked into the app (ws://localhost:8081) reaches the server SOAK_REALTIME_PORT starts, with its faults', async () => {
  test.setTimeout(150_000);
  test.skip(!(await portIsFree(8081)), 'port 8081 is taken on this machine');
  const run = await runUserSoak(scratch('relay-port'), {
    SOAK_TARGET_URL: `${site.url}worklet-relay/`,
    SOAK_START_SELECTOR: '#connect',
    SOAK_REALTIME_PORT: '8081',
    SOAK_DIALECT: 'beta',
    SOAK_FAULTS: 'ttfr-growth:400',
    SOAK_DURATION: '40s', // replies slow down turn by turn: 40 s still fits 7 turns, enough for a significant trend
  });
  const notes = run.records.filter((r) => r.type === 'harness' && r.kind === 'note').map((r) => (r as { detail?: string }).detail ?? '');
  expect(notes).toContain('started the embedded realtime server at ws://127.0.0.1:8081/v1/realtime');
  expect(notes.some((d) => d.startsWith('redirect-ws'))).toBe(false);
  expect(run.records.some((r) => r.type === 'ws' && r.url.startsWith('ws://localhost:8081/') && r.framesReceived > 20)).toBe(true);
  expect(turnCoverage(run.records).withTtfr, run.explain).toBeGreaterThanOrEqual(4);
  expect(failedErrorIds(run.report), run.explain).toContain('ttfr-growth');
  expect(run.code).toBe(1);
});

test('push-to-talk held with a key (SOAK_PUSH_TO_TALK=key:Space) answers nearly every turn', async () => {
  test.setTimeout(150_000);
  const run = await runUserSoak(scratch('ptt-key'), {
    SOAK_TARGET_URL: `${site.url}push-to-talk/`,
    SOAK_START_STEPS: 'click #connect; wait #hold:enabled',
    SOAK_PUSH_TO_TALK: 'key:Space',
    SOAK_REDIRECT_WS: 'wss://api.openai.com/v1/realtime*',
  });
  expect(run.code, run.explain).toBe(0);
  expect(run.header.meta.pushToTalk).toBe('key:Space');
  const turns = turnCoverage(run.records);
  expect(turns.scripted, run.explain).toBeGreaterThanOrEqual(5);
  expect(turns.withTtfr, run.explain).toBeGreaterThanOrEqual(turns.scripted - 1);
  // No server VAD here: each turn starts from the commit the app sends when the key is released.
  expect(run.records.some((r) => r.type === 'rt' && r.kind === 'speech-stopped')).toBe(false);
});

test('a form that raises an alert: the dialog is in the report, and a soak that measured nothing fails saying so', async () => {
  test.setTimeout(150_000);
  const run = await runUserSoak(scratch('alert'), {
    SOAK_TARGET_URL: `${site.url}azure-form/`,
    // A setup module types the endpoint; the steps fill the deployment, and the user forgot the key: the app says so
    // with alert() and never connects.
    SOAK_SETUP: 'tests/e2e/user-runs/azure-endpoint-setup.ts',
    AZURE_OPENAI_ENDPOINT: 'https://my-resource.openai.azure.com',
    SOAK_START_STEPS: 'fill #deployment=gpt-4o-realtime-preview; click #connect',
    SOAK_REDIRECT_WS: 'wss://*.openai.azure.com/openai/realtime*',
    SOAK_DURATION: '10s',
  });
  expect(run.code, run.explain).toBe(1);
  const notes = run.records.filter((r) => r.type === 'harness' && r.kind === 'note').map((r) => (r as { detail?: string }).detail ?? '');
  expect(notes.some((d) => d.startsWith('ran SOAK_SETUP '))).toBe(true);
  expect(notes).toContain('start step 2: click #connect');
  const dialogs = run.records.filter((r) => r.type === 'harness' && r.kind === 'dialog');
  expect(dialogs.map((r) => (r as { data?: Record<string, unknown> }).data)).toEqual([
    { dialogType: 'alert', message: 'Please fill in endpoint, key and deployment', action: 'accepted' },
  ]);
  const dialogCheck = run.report!.assertions.find((a) => a.id === 'page-dialogs');
  expect(dialogCheck?.passed).toBe(false);
  expect(dialogCheck?.message).toContain('Please fill in endpoint, key and deployment');
  expect(failedErrorIds(run.report)).toEqual(expect.arrayContaining(['no-data-ws', 'no-data-turns']));
  expect(run.summary?.status).toBe('failed');
  expect(run.stdout).toMatch(/no-data-ws: /);
});

test('a socket inside a Web Worker is counted through CDP and the report says it lives in a worker; a key in the page URL reaches no artifact', async () => {
  test.setTimeout(120_000);
  const workerSite = await serveStaticDir(WORKER_PAGE_DIR);
  try {
    const port = await freePort();
    const run = await runUserSoak(scratch('worker'), {
      // A page URL with a key in it, as some apps take one: it must not reach Playwright's steps or any artifact.
      SOAK_TARGET_URL: `${workerSite.url}?ws=${encodeURIComponent(`ws://127.0.0.1:${port}/v1/realtime`)}&openDelayMs=300&api_key=${URL_KEY}`,
      SOAK_REALTIME_PORT: String(port),
      SOAK_DURATION: '10s',
    });
    const worker = run.records.filter((r) => r.type === 'harness' && r.kind === 'worker-ws').map((r) => (r as { data?: Record<string, unknown> }).data!);
    expect(worker.length, run.explain).toBeGreaterThan(3);
    expect(worker.at(-1)).toMatchObject({ url: `ws://127.0.0.1:${port}/v1/realtime`, worker: expect.stringMatching(/worker-socket\.js$/) });
    expect(Number(worker.at(-1)!.framesSent)).toBeGreaterThan(20);
    const inWorker = run.report!.assertions.find((a) => a.id === 'ws-in-worker');
    expect(inWorker?.passed, run.explain).toBe(false);
    expect(inWorker?.message).toContain('Web Worker');
    expect(run.report!.assertions.find((a) => a.id === 'no-data-ws')?.message).toMatch(/worker/i);
    expect(failedErrorIds(run.report)).toContain('no-data-turns');
    expect(run.code).toBe(1);
    expect(findSecretInArtifacts(run.out, URL_KEY)).toEqual([]);
    expect(countArtifacts(run.out)).toBeGreaterThan(10);
  } finally {
    await workerSite.close();
  }
});

test('a SOAK_REALTIME_URL that does not answer stops the run before a browser opens, in one line, exit 69', async () => {
  const out = scratch('unreachable');
  const closed = await freePort();
  const env = fixtureEnv(out, {
    SOAK_HEADLESS: '1',
    SOAK_TARGET_URL: `${site.url}scriptprocessor-key/`,
    SOAK_REDIRECT_WS: 'wss://api.openai.com/v1/realtime*',
    SOAK_REALTIME_URL: `ws://127.0.0.1:${closed}/v1/realtime`,
  });
  const run = await runPlaywright(['test', 'tests/memory-monitor.spec.ts', '--project=chromium', `--output=${join(out, 'test-results')}`], env, out, 60_000);
  expect(run.code, run.stdout + run.stderr).toBe(69);
  const lines = run.stderr
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('voice-soak:'));
  expect(lines).toEqual([`voice-soak: SOAK_REALTIME_URL: ws://127.0.0.1:${closed}/v1/realtime does not answer (connect ECONNREFUSED 127.0.0.1:${closed})`]);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(run.stdout).not.toMatch(/Running \d+ test/);
});
