/**
 * Config helpers for a Playwright suite that adds voice-soak (`import { soakProject, soakServer } from
 * 'voice-soak/config'`); what `voice-soak init` writes into the user's playwright.config:
 *
 *   projects: [...yours, soakProject()],
 *   webServer: [...yours, soakServer()],        // the embedded target, unless SOAK_TARGET_URL points at your app
 *   reporter: [...yours, ['voice-soak/reporter']],  // or withSoakReporter(yours) when yours is not a list
 *
 * Pure: they read settings (.env / SOAK_*) and look for a Chromium on disk, and install, start or exit nothing
 * (`npx voice-soak doctor --fix` installs; the soak fixture starts Xvfb for a headed run when DISPLAY is unset).
 * A bad setting throws its one-line SettingsError, which Playwright prints as the config's load error.
 */
import type { PlaywrightTestConfig, PlaywrightTestOptions, PlaywrightWorkerOptions, Project } from '@playwright/test';
import { loadSettings } from '../config/settings.ts';
import { findChromium } from '../setup/find-chromium.ts';
import type { SoakFixtureOptions } from './soak-fixtures.ts';

/**
 * Chromium flags a soak needs: the fake media UI and device, audio playback without a user gesture, and WebRTC to
 * loopback (without --allow-loopback-in-peer-connection a WebRTC app's call to a 127.0.0.1 server never connects).
 */
export const SOAK_BROWSER_ARGS: readonly string[] = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  '--allow-loopback-in-peer-connection',
];

/** How long a soak test may take beyond its scripted duration (start-up, analysis, reports). */
export const SOAK_TIMEOUT_MARGIN_MS = 180_000;

/** A project of a config written as `defineConfig<SoakOptions>(...)` (or untyped). */
export type SoakProject = Project<PlaywrightTestOptions & Partial<SoakFixtureOptions>, PlaywrightWorkerOptions>;

export interface SoakProjectOptions {
  name?: string;
  /** Where the soak specs live (default `soak`); they are named `*.soak.ts`, so no other project's default testMatch takes them. */
  testDir?: string;
  testMatch?: string | RegExp | (string | RegExp)[];
  /** Projects to run first, e.g. a login `setup` project whose storageState the soak uses. */
  dependencies?: string[];
  /** Merged over the soak's own `use` (headless from SOAK_HEADLESS, the Chromium found, the flags above). */
  use?: SoakProject['use'];
  /** Default 0, whatever the config's `retries`: the reporter judges the last attempt, and a passing retry would hide a leak. */
  retries?: number;
}

export function soakProject(options: SoakProjectOptions = {}, env: NodeJS.ProcessEnv = process.env): SoakProject {
  const settings = loadSettings(env);
  const executablePath = findChromium(env) ?? undefined;
  const { launchOptions, ...use } = options.use ?? {};
  return {
    name: options.name ?? 'soak',
    testDir: options.testDir ?? 'soak',
    testMatch: options.testMatch ?? '**/*.soak.ts',
    timeout: settings.durationMs + SOAK_TIMEOUT_MARGIN_MS,
    ...(options.dependencies ? { dependencies: options.dependencies } : {}),
    // A failed soak is a finding, not flakiness: a passing retry would hide the leak the first attempt found.
    retries: options.retries ?? 0,
    use: {
      headless: settings.headless,
      ...use,
      launchOptions: { ...(executablePath ? { executablePath } : {}), ...launchOptions, args: [...SOAK_BROWSER_ARGS, ...(launchOptions?.args ?? [])] },
    },
  };
}

type ReporterList = Extract<NonNullable<PlaywrightTestConfig['reporter']>, unknown[]>;

/** The config's reporter (a name or a list; Playwright's default when unset) with voice-soak's reporter added. */
export function withSoakReporter(reporter?: PlaywrightTestConfig['reporter'], env: NodeJS.ProcessEnv = process.env): ReporterList {
  const list: ReporterList = Array.isArray(reporter) ? [...reporter] : [[reporter ?? (env.CI ? 'dot' : 'list')]];
  return list.some(([name]) => name === 'voice-soak/reporter') ? list : [...list, ['voice-soak/reporter']];
}

type WebServer = Exclude<NonNullable<PlaywrightTestConfig['webServer']>, unknown[]>;

/**
 * A `webServer` entry that runs `voice-soak serve` (the embedded realtime server and reference app) on SOAK_PORT,
 * for soaks of the embedded target; with SOAK_TARGET_URL set (your app) you do not need it.
 */
export function soakServer(options: { command?: string; reuseExistingServer?: boolean } = {}, env: NodeJS.ProcessEnv = process.env): WebServer {
  const settings = loadSettings(env);
  return {
    command:
      options.command ?? `npx voice-soak serve --host 127.0.0.1 --port ${settings.port}${settings.replyScale ? ` --reply-scale ${settings.replyScale}` : ''}`,
    url: `http://127.0.0.1:${settings.port}/healthz`,
    reuseExistingServer: options.reuseExistingServer ?? !env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  };
}
