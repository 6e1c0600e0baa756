/**
 * Where is a Chromium we can drive? CHROMIUM_PATH, then Debian's chromium, then a Playwright-managed one.
 * Returns null when none is found; ensure-chromium installs one.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const DEBIAN_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

function playwrightManaged(): string | null {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return null;
  const dirs = readdirSync(root)
    .filter((d) => d.startsWith('chromium-'))
    .sort()
    .reverse();
  for (const dir of dirs) {
    for (const rel of ['chrome-linux64/chrome', 'chrome-linux/chrome']) {
      const candidate = join(root, dir, rel);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.CHROMIUM_PATH?.trim();
  if (explicit) return existsSync(explicit) ? explicit : null;
  for (const candidate of DEBIAN_PATHS) if (existsSync(candidate)) return candidate;
  return playwrightManaged();
}
