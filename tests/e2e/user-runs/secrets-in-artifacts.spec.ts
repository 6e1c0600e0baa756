/**
 * No secret reaches any artifact of a soak run with Playwright traces on, through the user's path
 * (`playwright test tests/memory-monitor.spec.ts --project=chromium --trace=on`, settings only). The app under
 * test (tests/e2e/fixtures-pages/ephemeral-key) carries a fake key in every place an app can:
 *  - OPENAI_API_KEY from the environment, typed into the page by a start step, then an `api-key=` socket query;
 *  - an `Authorization: Bearer` header on a fetch to its backend;
 *  - `token=` in the page URL (SOAK_TARGET_URL), and again in a start step's `goto` from a secret variable, passed
 *    on as `key=` in the socket URL;
 *  - an ephemeral key in the backend's JSON answer (`client_secret.value`, `ek_...`), then an
 *    `openai-insecure-api-key.` subprotocol.
 * The soak fails (a TTFR budget of 1 ms) so that Playwright's failure artifacts are written too. Every file the run
 * wrote (soak-runs, the HTML report, test-results, allure-results), and every entry of every zip
 * among them (trace.zip, the report's data/*.zip, Allure's attachments, the report's embedded zip), is searched for
 * each key: none may hold one. Playwright's trace would hold them (request headers, response bodies, page URLs in
 * snapshots, typed values): the soak turns the page's trace off for such a run and says so.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { countArtifacts, findSecretInArtifacts } from './find-secret-in-artifacts.ts';
import { framesOverTime, runUserSoak } from './run-user-soak.ts';
import { startSessionKeyBackend, type SessionKeyBackend } from './session-key-backend.ts';

const ENV_KEY = 'envsecret-7f3a9c2e51d04b88'; // no known key shape: only knowing the value can redact it
const HEADER_KEY = 'sk-headersecret-0123456789abcdef'; // hard-coded in the app's app.js
const PAGE_TOKEN = 'pagetoken-5d1c7e09a2b34f66';
const STEP_TOKEN = 'steptoken-93e1b0c4d2a7f518';
const EPHEMERAL_KEY = 'ek_sessionsecret0123456789abcdef';
const SECRETS = { ENV_KEY, HEADER_KEY, PAGE_TOKEN, STEP_TOKEN, EPHEMERAL_KEY };

let backend: SessionKeyBackend;
let out = '';
test.beforeAll(async () => {
  backend = await startSessionKeyBackend(`Bearer ${HEADER_KEY}`, EPHEMERAL_KEY);
});
test.afterAll(async () => {
  await backend?.close();
});
// The run's folder stays for a look when the test failed (its path is in the failure), and goes when it passed.
test.afterEach(async ({}, testInfo) => {
  if (out && testInfo.status === testInfo.expectedStatus) rmSync(out, { recursive: true, force: true });
});

test('with --trace=on, a key in the env, a header, the page and socket URLs, a subprotocol and a JSON body reaches no artifact', async () => {
  test.setTimeout(150_000);
  out = mkdtempSync(join(tmpdir(), 'voice-soak-secrets-'));
  const run = await runUserSoak(
    out,
    {
      SOAK_TARGET_URL: `${backend.url}?token=${PAGE_TOKEN}`,
      OPENAI_API_KEY: ENV_KEY,
      APP_URL: backend.url,
      APP_TOKEN: STEP_TOKEN,
      SOAK_START_STEPS: 'goto ${APP_URL}?token=${APP_TOKEN}; fill #api-key=${OPENAI_API_KEY}',
      SOAK_START_SELECTOR: '#talk',
      SOAK_REDIRECT_WS: 'wss://api.openai.com/v1/realtime*',
      // A soak that fails also leaves Playwright's failure artifacts (error-context.md with the page's snapshot).
      SOAK_THRESHOLD_TTFR_P95_MS: '1',
    },
    150_000,
    ['--trace=on'],
  );
  // The keys really travelled: the backend minted a session for the header, and the socket carried the talk.
  expect(backend.counts, run.explain).toEqual({ minted: 1, refused: 0 });
  expect(framesOverTime(run.records).sent.at(-1) ?? 0, run.explain).toBeGreaterThan(20);
  expect(run.code, run.explain).toBe(1);
  // Traces were on: the runner wrote a trace.zip (the test's own steps), and the report and Allure took it.
  const testResults = readdirSync(join(out, 'test-results'), { recursive: true }).map(String);
  expect(testResults.filter((f) => f.endsWith('trace.zip'))).toHaveLength(1);
  expect(testResults.filter((f) => f.endsWith('error-context.md'))).toHaveLength(1);
  expect(existsSync(join(out, 'playwright-report', 'index.html'))).toBe(true);
  expect(countArtifacts(out)).toBeGreaterThan(20);

  // The page's trace was dropped, and the run says so: a note in the log, one line in the output...
  const notes = run.records.filter((r) => r.type === 'harness' && r.kind === 'note').map((r) => (r as { detail?: string }).detail ?? '');
  const traceOff = notes.find((d) => d.startsWith('trace off: '));
  expect(traceOff, run.explain).toMatch(/authorization header on a request.*a key in a response body.*a secret typed by a start step/i);
  expect(run.stdout + run.stderr).toContain(`voice-soak: ${traceOff}`);
  // ...and a `trace` annotation in the HTML report (its data is a zip embedded in index.html).
  expect(findSecretInArtifacts(join(out, 'playwright-report'), `"type":"trace","description":"${traceOff}"`).some((hit) => hit.includes('index.html!'))).toBe(
    true,
  );

  const hits = Object.fromEntries(Object.entries(SECRETS).map(([name, secret]) => [name, findSecretInArtifacts(out, secret)]));
  console.log(
    `secret hits: ${Object.entries(hits)
      .map(([name, files]) => `${name} ${files.length}`)
      .join(', ')}`,
  );
  expect(hits).toEqual({ ENV_KEY: [], HEADER_KEY: [], PAGE_TOKEN: [], STEP_TOKEN: [], EPHEMERAL_KEY: [] });
});
