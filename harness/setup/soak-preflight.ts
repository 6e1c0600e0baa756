/**
 * Before a soak opens its browser: is the browser there, and a display for a headed one? The soak fixture asks, and
 * fails the test with this one line (naming `voice-soak doctor --fix`) instead of Playwright's launch error; it never
 * installs anything. An X server that is merely not running (Linux, DISPLAY unset, Xvfb installed) is no problem:
 * the fixture starts one (start-xvfb.ts).
 */
import { existsSync } from 'node:fs';
import { DOCTOR_FIX_COMMAND, findXvfb, needsXvfb } from './doctor.ts';

export interface PreflightInput {
  /** launchOptions.executablePath, else the Chromium Playwright would launch. */
  executablePath: string;
  /** True when the path came from the config (launchOptions.executablePath or CHROMIUM_PATH). */
  configured: boolean;
  headless: boolean;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  exists?: (path: string) => boolean;
  findXvfb?: () => string | null;
}

export function soakPreflightProblem(input: PreflightInput): string | null {
  const exists = input.exists ?? existsSync;
  if (!exists(input.executablePath)) {
    const where = input.configured ? `launchOptions.executablePath "${input.executablePath}"` : `Playwright's Chromium (${input.executablePath})`;
    return `no Chromium at ${where}: run \`${DOCTOR_FIX_COMMAND}\` (or set CHROMIUM_PATH to a Chromium)`;
  }
  if (!input.headless && needsXvfb(input) && !(input.findXvfb ?? findXvfb)()) {
    return `a headed soak needs an X server: DISPLAY is unset and Xvfb is missing: run \`${DOCTOR_FIX_COMMAND}\`, or run headless (SOAK_HEADLESS=1)`;
  }
  return null;
}
