/**
 * Projects:
 *  - unit: browser-free tests of harness/ and target/ (seconds)
 *  - e2e: short end-to-end runs in headless Chromium (tens of seconds each), one at a time
 *  - user-runs: whole soaks of third-party-style apps through the user's path (a child `playwright test` of the soak
 *    spec each) and the short fault soaks of the embedded target, two at a time beside e2e: soaks wait on real time, not CPU (about a third of a core each, measured),
 *    and the suite would not fit CI's 25 minutes with every soak in a row
 *  - chromium: the soak, tests/memory-monitor.spec.ts, headed; the seed's line works verbatim:
 *    npx playwright test tests/memory-monitor.spec.ts --project=chromium --headed --timeout=600000
 * Loading this config installs nothing (`npx voice-soak doctor --fix` does).
 * SOAK_ISOLATE_NETWORK=1: in the runner, the whole command line runs again inside a network
 * namespace with only loopback, and this process only waits for it (the top-level await below never returns here).
 * The embedded target's port is decided once, in the runner, and handed to the workers in SOAK_PORT.
 */
import { defineConfig } from '@playwright/test';
import { loadSettings } from './harness/config/settings.ts';
import { findChromium } from './harness/setup/find-chromium.ts';
import { exitWithError } from './harness/setup/exit-with-error.ts';
import { runIncludesSoak } from './harness/setup/run-selection.ts';
import { chooseEmbeddedPort } from './harness/setup/choose-embedded-port.ts';
import { needsNetworkNamespace, rerunInNetworkNamespace } from './harness/setup/network-namespace.ts';
import { openInnerBridges } from './harness/setup/loopback-bridge.ts';
import { stopGracefullyOnSigterm } from './harness/setup/graceful-sigterm.ts';

function orExit<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    return exitWithError(error, 78);
  }
}

stopGracefullyOnSigterm(); // SIGTERM leaves the reports and stops the webServer, as SIGINT does
const requested = orExit(() => loadSettings());
// Found, never installed here: `npx voice-soak doctor --fix` installs (npm run soak and npm test run it first); a
// missing browser is one line from the soak fixture naming that command.
const executablePath = findChromium() ?? undefined;
// Servers outside that the run is told to use (your app, your realtime server) are bridged into the namespace.
const reach = { SOAK_TARGET_URL: requested.embedded ? undefined : requested.targetUrl, SOAK_REALTIME_URL: requested.realtimeUrl };
if (needsNetworkNamespace(requested.isolateNetwork)) await rerunInNetworkNamespace(reach).catch((error: unknown) => exitWithError(error, 69));
await openInnerBridges();
// The embedded target only when the soak is part of the run and no SOAK_TARGET_URL points elsewhere.
const embeddedPort = requested.embedded && runIncludesSoak() ? orExit(() => chooseEmbeddedPort(requested)) : undefined;
const settings = orExit(() => loadSettings()); // SOAK_PORT may have changed
const soakTimeoutMs = settings.durationMs + 180_000;

// Whole soaks, each waiting on real time: the user-path runs, and the short fault soaks of the embedded target (they
// were 4 of the one-worker e2e project's ~20 min in a row, CI's critical path).
const WHOLE_SOAKS = ['user-runs/**/*.spec.ts', 'soak/faults.spec.ts'];

export default defineConfig({
  timeout: 60_000,
  globalSetup: './fixtures/global-setup.ts',
  // The soak reporter only reads the report each soak test attached (analysis happens in the fixture), so the order
  // of reporters does not matter.
  reporter: [
    ['./reporters/soak-reporter.ts'],
    ['list'],
    ['html', { open: 'never' }],
    ['allure-playwright', { resultsDir: process.env.ALLURE_RESULTS_DIR ?? 'allure-results' }],
  ],
  outputDir: 'test-results',
  use: {
    launchOptions: {
      executablePath,
      // --allow-loopback-in-peer-connection: a WebRTC app's call to the embedded server (127.0.0.1) connects at all.
      args: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        '--autoplay-policy=no-user-gesture-required',
        '--allow-loopback-in-peer-connection',
      ],
    },
  },
  // unit first, alone; then e2e (one worker) beside user-runs (two workers).
  workers: 3,
  projects: [
    // Two workers: e2e and user-runs wait for unit, so nothing else runs beside it, and its real-time and
    // child-process tests have moved to e2e (measured on 2 idle cores: 345 tests in 22 s with one worker, 17 s with two).
    { name: 'unit', testDir: 'tests/unit', testMatch: '**/*.test.ts', workers: 2 },
    { name: 'e2e', testDir: 'tests/e2e', testMatch: '**/*.spec.ts', testIgnore: WHOLE_SOAKS, use: { headless: true }, workers: 1, dependencies: ['unit'] },
    { name: 'user-runs', testDir: 'tests/e2e', testMatch: WHOLE_SOAKS, use: { headless: true }, fullyParallel: true, workers: 2, dependencies: ['unit'] },
    {
      name: 'chromium',
      testDir: 'tests',
      testMatch: 'memory-monitor.spec.ts',
      use: { headless: settings.headless },
      timeout: soakTimeoutMs,
    },
  ],
  // The embedded default target on the port chosen above (reused only when it is voice-soak of this version).
  webServer: embeddedPort
    ? {
        command: `node bin/voice-soak.mjs serve --port ${embeddedPort.port}${settings.replyScale ? ` --reply-scale ${settings.replyScale}` : ''}`,
        url: `http://127.0.0.1:${embeddedPort.port}/healthz`,
        reuseExistingServer: embeddedPort.reuse,
        timeout: 60_000,
        stdout: 'ignore',
        stderr: 'pipe',
      }
    : undefined,
});
