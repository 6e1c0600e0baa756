/**
 * `voice-soak doctor [--fix]`: what a soak needs from the machine, checked, and installed only when asked.
 *  - a Chromium (CHROMIUM_PATH, Debian's chromium, or a Playwright-managed one);
 *  - an X server for headed runs on Linux when DISPLAY is unset (Xvfb, which the soak fixture starts itself).
 * Nothing else in voice-soak installs software: the fixtures, the reporter and the config helpers only look, and a
 * missing piece is one line naming `npx voice-soak doctor --fix`. `npm run soak` and `npm test` run the fix first.
 */
import { execFileSync } from 'node:child_process';
import { findChromium } from './find-chromium.ts';
import { ensureChromium } from './ensure-chromium.ts';
import { aptInstall } from './apt-install.ts';

export const DOCTOR_FIX_COMMAND = 'npx voice-soak doctor --fix';

export interface DoctorCheck {
  name: 'chromium' | 'xvfb';
  ok: boolean;
  /** The path found, or what is missing and what to do. */
  detail: string;
  /** The executable, when found or installed. */
  path?: string;
}

export interface DoctorEnvironment {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  findChromium(env: NodeJS.ProcessEnv): string | null;
  findXvfb(): string | null;
  installChromium(env: NodeJS.ProcessEnv): string;
  installXvfb(): boolean;
}

export function findXvfb(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v Xvfb'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

export const machineEnvironment: DoctorEnvironment = {
  env: process.env,
  platform: process.platform,
  findChromium,
  findXvfb,
  installChromium: ensureChromium,
  installXvfb: () => aptInstall(['xvfb', 'xauth'], 'headed Chromium needs an X server'),
};

/** True when headed runs on this machine need Xvfb: Linux without a DISPLAY. */
export function needsXvfb(machine: Pick<DoctorEnvironment, 'env' | 'platform'>): boolean {
  return machine.platform === 'linux' && !machine.env.DISPLAY;
}

function chromiumCheck(machine: DoctorEnvironment, fix: boolean): DoctorCheck {
  const found = machine.findChromium(machine.env);
  if (found) return { name: 'chromium', ok: true, detail: found, path: found };
  const explicit = machine.env.CHROMIUM_PATH?.trim();
  if (!fix || explicit) {
    if (explicit)
      return { name: 'chromium', ok: false, detail: `CHROMIUM_PATH: no such file "${explicit}" (fix it, or unset it and run \`${DOCTOR_FIX_COMMAND}\`)` };
    return { name: 'chromium', ok: false, detail: `no Chromium found: run \`${DOCTOR_FIX_COMMAND}\`, or set CHROMIUM_PATH` };
  }
  try {
    const installed = machine.installChromium(machine.env);
    return { name: 'chromium', ok: true, detail: `${installed} (installed)`, path: installed };
  } catch (error) {
    return { name: 'chromium', ok: false, detail: (error as Error).message };
  }
}

function xvfbCheck(machine: DoctorEnvironment, fix: boolean): DoctorCheck {
  if (!needsXvfb(machine)) return { name: 'xvfb', ok: true, detail: machine.env.DISPLAY ? `not needed (DISPLAY=${machine.env.DISPLAY})` : 'not needed' };
  const found = machine.findXvfb();
  if (found) return { name: 'xvfb', ok: true, detail: `${found} (started for headed runs: DISPLAY is unset)`, path: found };
  const advice = 'headed runs need an X server: DISPLAY is unset and Xvfb is missing';
  if (!fix) return { name: 'xvfb', ok: false, detail: `${advice}: run \`${DOCTOR_FIX_COMMAND}\`, or run headless (SOAK_HEADLESS=1)` };
  const installed = machine.installXvfb() ? machine.findXvfb() : null;
  if (installed) return { name: 'xvfb', ok: true, detail: `${installed} (installed)`, path: installed };
  return { name: 'xvfb', ok: false, detail: `${advice} and could not be installed (apt-get needs root): sudo apt-get install xvfb xauth, or SOAK_HEADLESS=1` };
}

/** Checks (and with fix, installs) what a soak needs; never exits the process. */
export function runDoctor(options: { fix: boolean }, machine: DoctorEnvironment = machineEnvironment): DoctorCheck[] {
  return [chromiumCheck(machine, options.fix), xvfbCheck(machine, options.fix)];
}
