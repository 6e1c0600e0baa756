/**
 * Finds a Chromium, installing one where none is found: Debian's chromium with apt as root, else Playwright's
 * installer (works where it can download). Returns the executable path or throws SetupError with what to do.
 */
import { execFileSync } from 'node:child_process';
import { findChromium } from './find-chromium.ts';
import { aptInstall } from './apt-install.ts';
import { SetupError } from './setup-error.ts';

export function ensureChromium(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.CHROMIUM_PATH?.trim();
  const found = findChromium(env);
  if (found) return found;
  if (explicit) throw new SetupError(`CHROMIUM_PATH: no such file "${explicit}" (unset it to let voice-soak find or install a Chromium)`);
  if (aptInstall(['chromium', 'fonts-liberation'], 'no Chromium found')) {
    const installed = findChromium(env);
    if (installed) return installed;
  }
  try {
    console.error("voice-soak: trying Playwright's browser installer (needs internet access) ...");
    execFileSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
    const downloaded = findChromium(env);
    if (downloaded) return downloaded;
  } catch {
    // fall through to the message below
  }
  throw new SetupError(
    "no Chromium found and none could be installed: install Debian's chromium (sudo apt-get install chromium) " +
      'or set CHROMIUM_PATH to a Chromium/Chrome executable',
  );
}
