/**
 * The HTML report in Chromium: its charts are drawn (non-empty boxes, several colours on screen) and a report with
 * hostile strings in every field runs no script, opens no dialog and makes no request.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { renderHtml } from '../../../harness/render/render-html.ts';
import { renderChartSvg } from '../../../harness/render/render-svg.ts';
import { generateLog } from '../../../harness/synth/generate-log.ts';
import { buildHostileReport } from '../../fixtures-data/reports/hostile-report.ts';

/** Scratch files outside test-results/, which other runs on this machine clear when they start. */
let scratchDir = '';
test.beforeAll(async () => {
  scratchDir = await mkdtemp(join(tmpdir(), 'voice-soak-html-'));
});
test.afterAll(async () => {
  await rm(scratchDir, { recursive: true, force: true });
});

let leaky: ReturnType<typeof analyze> | undefined;
/** A 7-minute leaking run's report, analyzed once per worker (the tests only read it). */
function leakyReport() {
  if (leaky) return leaky;
  const [header, ...records] = [...generateLog({ durationMs: 420_000, seed: 11, faults: { heapLeakMbPerMin: 3 } })];
  leaky = analyze({ header: header as LogHeader, records: records as LogRecord[] });
  return leaky;
}

/** Distinct colours in a PNG, counted by drawing it on a canvas in a blank page. */
async function distinctColors(page: Page, png: Buffer): Promise<number> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(
      async (dataUrl) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height).data;
        const colors = new Set<number>();
        for (let i = 0; i < pixels.length; i += 4) colors.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
        return colors.size;
      },
      `data:image/png;base64,${png.toString('base64')}`,
    );
  } finally {
    await blank.close();
  }
}

/** The hrefs of the page's links that are not a fragment naming one of its elements. */
function unresolvedLinks(page: Page): Promise<string[]> {
  return page
    .locator('a')
    .evaluateAll((links) =>
      links
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => !href.startsWith('#') || document.getElementById(decodeURIComponent(href.slice(1))) === null),
    );
}

test("the sticky summary stays on top and its links lead to the failed checks' charts", async ({ page }) => {
  const report = leakyReport();
  const file = join(scratchDir, 'summary.html');
  await writeFile(file, renderHtml(report));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(pathToFileURL(file).href);
  const links = page.locator('header.summary a.check-link');
  await expect(links).toHaveCount(report.assertions.filter((a) => !a.passed).length);
  expect(await unresolvedLinks(page)).toEqual([]);
  await links.filter({ hasText: 'heap-growth' }).click();
  await expect(page).toHaveURL(/#chart-heap$/);
  // The chart is in view, below the summary, which stayed at the top of the viewport.
  const summary = (await page.locator('header.summary').boundingBox())!;
  const chart = (await page.locator('figure#chart-heap').boundingBox())!;
  expect(summary.y).toBe(0);
  expect(chart.y).toBeGreaterThanOrEqual(summary.height - 1);
  expect(chart.y).toBeLessThan(800);
});

test('the HTML report shows its charts', async ({ page }, testInfo) => {
  const report = leakyReport();
  expect(report.series.length).toBeGreaterThanOrEqual(3);
  const file = join(scratchDir, 'report.html');
  await writeFile(file, renderHtml(report));
  await page.goto(pathToFileURL(file).href);
  await expect(page.locator('.verdict')).toContainText('FAIL');
  const charts = page.locator('svg.chart');
  await expect(charts).toHaveCount(report.series.length);
  for (let i = 0; i < report.series.length; i++) {
    const box = await charts.nth(i).boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(100);
    const line = await charts.nth(i).locator('polyline.series').boundingBox();
    expect(line!.width, `series ${report.series[i]!.id} line`).toBeGreaterThan(100);
  }
  const heapChart = charts.first();
  await expect(heapChart.locator('line.trend')).toHaveCount(1);
  await expect(heapChart.locator('rect.warmup')).toHaveCount(1);
  expect(await heapChart.locator('circle.highlight').count()).toBeGreaterThan(5);
  const png = await heapChart.screenshot();
  await testInfo.attach('heap-chart', { body: png, contentType: 'image/png' });
  expect(await distinctColors(page, png)).toBeGreaterThan(10);
});

test('each chart SVG parses as XML on its own', async ({ page }) => {
  const svgs = leakyReport().series.map((series, i) => renderChartSvg(series, { warmupMs: 60_000, idPrefix: `c${i}` }));
  svgs.push(...buildHostileReport().series.map((series) => renderChartSvg(series, { warmupMs: 60_000 })));
  const errors = await page.evaluate(
    (sources) =>
      sources.map((source) => {
        const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
        return doc.querySelector('parsererror')?.textContent ?? (doc.documentElement.nodeName === 'svg' ? null : doc.documentElement.nodeName);
      }),
    svgs,
  );
  expect(errors).toEqual(svgs.map(() => null));
});

test('a report with hostile strings in every field runs no script and loads nothing', async ({ page }) => {
  const dialogs: string[] = [];
  const consoleMessages: string[] = [];
  const requests: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('console', (message) => consoleMessages.push(message.text()));
  page.on('pageerror', (error) => consoleMessages.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  const file = join(scratchDir, 'hostile.html');
  await writeFile(file, renderHtml(buildHostileReport()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  expect(consoleMessages).toEqual([]);
  expect(requests).toEqual([pathToFileURL(file).href]);
  expect(await page.locator('script').count()).toBe(0);
  expect(await page.locator('img, iframe, object, embed, a:not(.check-link), [onerror], [onload]').count()).toBe(0);
  // The summary's links, one per failed check, each to an element of this page (a chart or the check's row).
  const hostile = buildHostileReport();
  await expect(page.locator('a.check-link')).toHaveCount(hostile.assertions.filter((a) => !a.passed).length);
  expect(await unresolvedLinks(page)).toEqual([]);
  await expect(page.getByText('issue.message:<script>alert(1)</script>', { exact: false }).first()).toBeVisible();
  await expect(page.locator('pre')).toContainText('Performance Analysis Report');
});
