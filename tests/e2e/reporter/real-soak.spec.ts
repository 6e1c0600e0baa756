/**
 * The real thing, short: the soak spec itself (tests/memory-monitor.spec.ts, the main config, the embedded target
 * started by the config's webServer) for ~25 s, headless, once with a fault and once clean, the clean one with its
 * SOAK_PORT taken by another project's HTTP server (the run moves to a free port). Checks the exit codes,
 * the attachments in the HTML report on disk opened in Chromium (charts visible), and the Allure results.
 * Everything a run writes goes to a private temporary folder.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { readRunLog } from '../harness/read-run-log.ts';
import { allureAttachments, fixtureEnv, readAllureResults, readSoakSummary, runPlaywright, serveFolder } from './run-playwright.ts';
import { freePort } from '../user-runs/free-port.ts';

const CHART_NAMES = [
  'chart-heap.svg',
  'chart-message-latency.svg',
  'chart-ttfr.svg',
  'chart-ws-buffered.svg',
  'chart-chunks-pending.svg',
  'chart-event-queue.svg',
];

async function soak(out: string, faults: string, port?: number) {
  const env = fixtureEnv(out, {
    SOAK_DURATION: '25s',
    SOAK_HEADLESS: '1',
    SOAK_FAULTS: faults,
    SOAK_PORT: String(port ?? (await freePort())),
    PLAYWRIGHT_HTML_OUTPUT_DIR: join(out, 'playwright-report'),
    ALLURE_RESULTS_DIR: join(out, 'allure-results'),
  });
  return runPlaywright(['test', 'tests/memory-monitor.spec.ts', '--project=chromium', `--output=${join(out, 'test-results')}`], env, out, 150_000);
}

let scratch: string;
test.beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'voice-soak-real-soak-'));
});
test.afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('a short real soak with a fault exits 1 with its reports in the HTML report and Allure; a clean one exits 0', async ({ page }) => {
  test.setTimeout(360_000);
  const faulty = await soak(join(scratch, 'faulty'), 'stall:1');
  expect(faulty.code, faulty.stdout + faulty.stderr).toBe(1);
  const summary = readSoakSummary(join(faulty.out, 'soak-runs'));
  expect(summary.status).toBe('failed');
  expect(summary.tests[0]!.failures.join('\n')).toMatch(/response-timeouts: /);

  // The HTML report on disk: the failed test shows its assertion message and its attachments, charts visible.
  const served = await serveFolder(join(faulty.out, 'playwright-report'));
  try {
    await page.goto(served.url);
    await page.getByRole('link', { name: 'a long conversation stays responsive and does not leak' }).first().click();
    await expect(page.getByText(/soak budgets breached/).first()).toBeVisible();
    for (const name of ['voice-soak-report.txt', 'voice-soak-report.json', 'voice-soak-report.html', 'voice-soak-log.jsonl', ...CHART_NAMES]) {
      await expect(page.getByRole('link', { name, exact: true }), name).toBeVisible();
    }
    const images = page.locator('img[src$=".svg"]');
    expect(await images.count()).toBeGreaterThanOrEqual(CHART_NAMES.length);
    for (const image of await images.all()) {
      await expect(image).toBeVisible();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth * img.naturalHeight)).toBeGreaterThan(0);
    }
  } finally {
    await served.close();
  }

  // Allure: the same attachments, and one step per conversation turn.
  const [result] = readAllureResults(join(faulty.out, 'allure-results'));
  expect(result?.status).toBe('failed');
  const names = allureAttachments(result!).map((a) => a.name);
  for (const name of ['voice-soak-report.txt', 'voice-soak-report.html', 'voice-soak-log.jsonl', ...CHART_NAMES]) expect(names).toContain(name);
  expect(result!.steps.filter((s) => /^turn \d+: /.test(s.name)).length).toBeGreaterThanOrEqual(2);

  // The clean run's SOAK_PORT is taken by another project's server: the run uses a free port instead, and passes.
  const foreign = createHttpServer((_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
  const foreignPort = await new Promise<number>((ready) => foreign.listen(0, '127.0.0.1', () => ready((foreign.address() as AddressInfo).port)));
  try {
    const clean = await soak(join(scratch, 'clean'), '', foreignPort);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    expect(readSoakSummary(join(clean.out, 'soak-runs')).status).toBe('passed');
    const note = new RegExp(
      `^voice-soak: 127\\.0\\.0\\.1:${foreignPort} is taken by a server that is not voice-soak \\(GET /healthz: 200\\): this run's embedded target uses 127\\.0\\.0\\.1:(\\d+)$`,
      'm',
    );
    const usedPort = Number(note.exec(clean.stderr)?.[1]);
    expect(usedPort, clean.stderr).toBeGreaterThan(0);
    expect(usedPort).not.toBe(foreignPort);
    const log = readdirSync(join(clean.out, 'soak-runs'), { recursive: true })
      .map(String)
      .find((f) => f.endsWith('run.jsonl'));
    expect(new URL(readRunLog(join(clean.out, 'soak-runs', log!)).header.target.url).port).toBe(String(usedPort));
  } finally {
    foreign.close();
  }
});
