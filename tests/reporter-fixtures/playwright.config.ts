/**
 * A tiny Playwright project for the soak reporter's end-to-end tests (tests/e2e/reporter/): its tests write
 * synthetic soak logs and end them with the soak fixture's own code (synthetic-soak-fixture.ts). Every output goes
 * under $REPORTER_FIXTURE_OUT (set by the test that spawns this run): test-results, playwright-report,
 * allure-results, report.json; the soak reporter writes to $SOAK_OUTPUT_DIR and $SOAK_HISTORY_FILE.
 */
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { findChromium } from '../../harness/setup/find-chromium.ts';

const out = resolve(process.env.REPORTER_FIXTURE_OUT ?? 'test-results/reporter-fixtures');
const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: '.',
  testMatch: '*.soak.ts',
  timeout: 60_000,
  workers: 1,
  // Tests, not files, are split over shards.
  fullyParallel: true,
  outputDir: join(out, 'test-results'),
  reporter: [
    [resolve(import.meta.dirname, '../../reporters/soak-reporter.ts')],
    ['html', { open: 'never', outputFolder: join(out, 'playwright-report') }],
    ['allure-playwright', { resultsDir: join(out, 'allure-results') }],
    ['json', { outputFile: join(out, 'report.json') }],
  ],
  use: { headless: true, ...(executablePath ? { launchOptions: { executablePath } } : {}) },
});
