/**
 * Config for the child `playwright test` that interrupted-runs.spec.ts starts and then interrupts with SIGINT:
 * only interruptible-soak.child.ts, headless, no reporters that write into the checkout.
 */
import { defineConfig } from '@playwright/test';
import { findChromium } from '../../../../harness/setup/find-chromium.ts';

export default defineConfig({
  testDir: '.',
  testMatch: 'interruptible-soak.child.ts',
  timeout: 180_000,
  reporter: 'line',
  outputDir: process.env.SOAK_E2E_OUTPUT_DIR ? `${process.env.SOAK_E2E_OUTPUT_DIR}/test-results` : undefined,
  use: {
    headless: true,
    launchOptions: { executablePath: findChromium() ?? undefined, args: ['--autoplay-policy=no-user-gesture-required'] },
  },
});
