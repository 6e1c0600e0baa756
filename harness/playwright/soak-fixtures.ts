/**
 * Playwright fixtures for a soak run: a thin adapter over harness/collect (no statistics here).
 *
 *   import { test } from './soak-fixtures.ts';
 *   test('soak', async ({ soak }) => { await soak.runConversation(); });
 *
 * Options (test.use or config `use`), defaults from loadSettings() (.env / SOAK_*): soakDurationMs, targetUrl,
 * startSelector, micMode, faults, redirectWs, sampleIntervalMs, plus the rest of SoakRunOptions as soakRunOptions.
 * `soak` yields {page, logPath, runDir, runConversation(), finish()}: runConversation shows each turn as a step;
 * finish() stops collecting, analyzes the log once and attaches the reports (soak-attempt.ts). A test that ends
 * without finish() (a failure, a timeout, an interruption, or a spec that never calls it) is analyzed on teardown,
 * with the same files attached; a passing one then fails on its breached budgets. Each attempt writes into its own
 * run folder, so retries keep separate files. Device mode launches its own Chromium (the fake-capture WAV is a
 * launch argument) with the config's launchOptions; controllable mode uses the worker's browser, which may be a
 * Playwright server's (`use.connectOptions`: no local preflight or Xvfb, no renderer RSS from this machine's /proc).
 */
import { test as base, type Page } from '@playwright/test';
import { loadSettings } from '../config/settings.ts';
import { prepareSoakRun } from '../collect/prepare-soak-run.ts';
import type { SoakRunOptions } from '../collect/soak-run-options.ts';
import { startSoakSession } from '../collect/start-soak-session.ts';
import { resolveThresholds } from '../thresholds/resolve-thresholds.ts';
import { readThresholdsFile } from '../thresholds/thresholds-file.ts';
import type { SoakRunResult } from '../render/soak-run-result.ts';
import { SOAK_LOG_FAILED } from '../render/soak-attachment-names.ts';
import { createSoakAttempt } from './soak-attempt.ts';
import { turnStep } from './turn-step.ts';
import { soakPreflightProblem } from '../setup/soak-preflight.ts';
import { needsXvfb } from '../setup/doctor.ts';
import { startXvfb } from '../setup/start-xvfb.ts';

export interface SoakFixtureOptions {
  soakDurationMs: number;
  targetUrl: string;
  startSelector: string | undefined;
  micMode: 'controllable' | 'device';
  faults: string;
  redirectWs: string[];
  sampleIntervalMs: number;
  /** Everything else a run needs (embedded, realtimeUrl, micDir, scriptPath, outputDir, apiKey, ...). */
  soakRunOptions: Partial<SoakRunOptions>;
}

/** The soak's options, for `test.use({...})` and `defineConfig<SoakOptions>({ use: {...} })`. */
export type SoakOptions = SoakFixtureOptions;

export interface Soak {
  page: Page;
  logPath: string;
  runDir: string;
  runConversation(): Promise<void>;
  /** Stops collecting, analyzes the log once, writes and attaches the reports; the spec then judges the result. */
  finish(): Promise<SoakRunResult>;
}

const settings = loadSettings();
const FAKE_AUDIO_FILE_ARG = /^--use-file-for-fake-audio-capture=/;

const REMOTE_DEVICE_MIC =
  "SOAK_MIC_MODE=device launches its own Chromium with the mic's WAV as a launch argument, which a browser behind connectOptions cannot take: use SOAK_MIC_MODE=controllable (the default) with a remote browser";

/** A machine-setup problem found before the browser opens; the message names the command that fixes it. */
export class SoakPreflightError extends Error {
  override name = 'SoakPreflightError';
}

export const test = base.extend<SoakFixtureOptions & { soak: Soak }, { soakMachine: undefined }>({
  // Before the worker's browser launches: the browser must exist, and a headed one on Linux without DISPLAY gets an
  // Xvfb started here (a suite without voice-soak's globalSetup). Installs nothing: a missing piece is one line.
  soakMachine: [
    async ({ playwright, launchOptions, headless, connectOptions }, use) => {
      // A Playwright server's browser (connectOptions) runs on its machine, with its own display: nothing to check here.
      if (connectOptions) return use(undefined);
      const problem = soakPreflightProblem({
        executablePath: launchOptions.executablePath ?? playwright.chromium.executablePath(),
        configured: launchOptions.executablePath !== undefined,
        headless,
        env: process.env,
        platform: process.platform,
      });
      if (problem) throw new SoakPreflightError(problem);
      const xvfb = !headless && needsXvfb({ env: process.env, platform: process.platform }) ? await startXvfb() : undefined;
      if (xvfb) process.env.DISPLAY = xvfb.display;
      await use(undefined);
      if (xvfb) {
        xvfb.stop();
        delete process.env.DISPLAY;
      }
    },
    { scope: 'worker', box: true },
  ],

  soakDurationMs: [settings.durationMs, { option: true }],
  targetUrl: [settings.targetUrl, { option: true }],
  startSelector: [settings.startSelector, { option: true }],
  micMode: [settings.micMode, { option: true }],
  faults: [settings.faults, { option: true }],
  redirectWs: [settings.redirectWs, { option: true }],
  sampleIntervalMs: [settings.sampleIntervalMs, { option: true }],
  soakRunOptions: [{}, { option: true }],

  soak: async (
    {
      soakMachine: _machineReady, // first: checked before `browser` launches
      browser,
      playwright,
      launchOptions,
      headless,
      connectOptions,
      contextOptions,
      soakDurationMs,
      targetUrl,
      startSelector,
      micMode,
      faults,
      redirectWs,
      sampleIntervalMs,
      soakRunOptions,
    },
    use,
    testInfo,
  ) => {
    const thresholds = resolveThresholds({
      file: settings.thresholdsFile ? await readThresholdsFile(settings.thresholdsFile) : undefined,
      fileName: settings.thresholdsFile,
      env: settings.thresholdEnv,
    });
    const options: SoakRunOptions = {
      thresholds,
      embedded: settings.embedded && targetUrl === settings.targetUrl,
      realtimeUrl: settings.realtimeUrl,
      realtimePort: settings.realtimePort,
      replyScale: settings.replyScale,
      setupPath: settings.setupPath,
      pushToTalk: settings.pushToTalk,
      startSteps: settings.startSteps,
      stopSelector: settings.stopSelector,
      cycles: settings.cycles,
      dialect: settings.dialect,
      transport: settings.transport,
      redirectSdp: settings.redirectSdp,
      ephemeralKeyUrls: settings.ephemeralKeyUrls,
      loopbackOnly: settings.loopbackOnly,
      protocol: settings.protocol,
      micDir: settings.micDir,
      scriptPath: settings.scriptPath,
      outputDir: settings.outputDir,
      apiKey: settings.apiKey,
      ...(connectOptions ? { remoteBrowser: true } : {}),
      ...soakRunOptions,
      durationMs: soakDurationMs,
      targetUrl,
      startSelector,
      micMode,
      faults,
      redirectWs,
      sampleIntervalMs,
    };
    if (connectOptions && micMode === 'device') throw new SoakPreflightError(REMOTE_DEVICE_MIC);
    const run = await prepareSoakRun(options, testInfo.title);
    const ownBrowser = run.launchArgs.length
      ? await playwright.chromium.launch({
          ...launchOptions,
          headless,
          args: [...(launchOptions.args ?? []).filter((arg) => !FAKE_AUDIO_FILE_ARG.test(arg)), ...run.launchArgs],
        })
      : undefined;
    // A page's Content-Security-Policy (connect-src) would block the loopback URL its socket is redirected to.
    const bypassCSP = contextOptions.bypassCSP ?? (redirectWs.length > 0 || undefined);
    const context = await (ownBrowser ?? browser).newContext({ ...contextOptions, ...(bypassCSP ? { bypassCSP } : {}), permissions: ['microphone'] });
    const page = await context.newPage();
    const session = await startSoakSession(run, ownBrowser ?? browser, page).catch(async (error: unknown) => {
      await context.close().catch(() => undefined);
      await ownBrowser?.close();
      throw error;
    });
    let outcome = 'completed';
    // The run folder is this attempt's own (prepareSoakRun makes a new one per attempt): the reports go next to the log.
    const attempt = createSoakAttempt(testInfo, {
      logPath: session.logPath,
      outDir: session.runDir,
      logFailure: () => session.logFailure(),
      title: testInfo.title,
      ...(settings.baseline ? { baseline: settings.baseline } : {}),
    });
    const finish = async () => {
      await session.stop('completed');
      return attempt.finish();
    };
    try {
      await use({ page, logPath: session.logPath, runDir: session.runDir, runConversation: () => session.runConversation(turnStep), finish });
    } catch (error) {
      outcome = `failed: ${(error as Error).message}`;
      throw error;
    } finally {
      if (testInfo.status !== testInfo.expectedStatus && outcome === 'completed') outcome = `test ${testInfo.status}`;
      await session.stop(outcome);
      const traceOff = session.traceOffNote();
      if (traceOff) {
        testInfo.annotations.push({ type: 'trace', description: traceOff });
        console.warn(`voice-soak: ${traceOff}`);
      }
      const logFailure = session.logFailure();
      if (logFailure) testInfo.annotations.push({ type: SOAK_LOG_FAILED, description: logFailure });
      await context.close().catch(() => undefined);
      await ownBrowser?.close();
      await attempt.teardown();
    }
  },
});

export { expect } from '@playwright/test';
export { expectSoakPassed } from './attach-soak-results.ts';
export type { SoakSetup, SoakSetupContext } from '../collect/app-control/setup-module.ts';
