/**
 * Projects:
 *  - unit: browser-free tests of harness/ and target/ (seconds)
 *  - e2e: short end-to-end runs in headless Chromium (tens of seconds each)
 *  - chromium: the soak, tests/memory-monitor.spec.ts, headed (the seed's command line works verbatim)
 */
import { defineConfig } from '@playwright/test';
import { findChromium } from './harness/setup/find-chromium.ts';

const executablePath = findChromium() ?? undefined;
const port = Number(process.env.SOAK_PORT || 8787);

export default defineConfig({
  timeout: 60_000,
  workers: process.env.CI ? 1 : undefined,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath,
      args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
    },
  },
  projects: [
    { name: 'unit', testDir: 'tests/unit', testMatch: '**/*.test.ts' },
    { name: 'e2e', testDir: 'tests/e2e', testMatch: '**/*.spec.ts', use: { headless: true } },
    { name: 'chromium', testDir: 'tests', testMatch: 'memory-monitor.spec.ts', use: { headless: false }, timeout: 600_000 },
  ],
});
