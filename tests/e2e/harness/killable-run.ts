/**
 * Child process for killed-run.spec.ts: a soak session against SOAK_E2E_TARGET_URL that runs until it is killed.
 * Prints the log path as soon as the log exists.
 */
import { chromium } from '@playwright/test';
import { prepareSoakRun } from '../../../harness/collect/prepare-soak-run.ts';
import { startSoakSession } from '../../../harness/collect/start-soak-session.ts';
import { findChromium } from '../../../harness/setup/find-chromium.ts';

const run = await prepareSoakRun(
  {
    durationMs: 120_000,
    targetUrl: process.env.SOAK_E2E_TARGET_URL!,
    embedded: true,
    startSelector: '#start',
    micMode: 'controllable',
    micDir: undefined,
    scriptPath: undefined,
    faults: '',
    redirectWs: [],
    sampleIntervalMs: 500,
    outputDir: process.env.SOAK_E2E_OUTPUT_DIR!,
    apiKey: undefined,
  },
  'killed run',
);
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--autoplay-policy=no-user-gesture-required'] });
const page = await (await browser.newContext({ permissions: ['microphone'] })).newPage();
const session = await startSoakSession(run, browser, page);
console.log(`log ${session.logPath}`);
await session.runConversation();
