/**
 * Pixel pins of what a reviewer sees, in headless Chromium at two widths (1280 and 420 px): the HTML report (its top
 * with the sticky summary, and its assertions table) and the in-page panel, expanded, after Analyze Performance.
 * Deterministic input: a synthetic log (harness/synth, fixed seed; its header's start time is fixed) analyzed here,
 * and the panel's real code (mount-panel.ts, bundled with esbuild) fed that report's series and text, so pixels
 * only move when the layout does. Snapshots live beside this spec (report-screenshots.spec.ts-snapshots/); after a
 * deliberate layout change: `npx playwright test --project=e2e --no-deps tests/e2e/render --update-snapshots`, and
 * copy the two 1280-wide ones to docs/screenshots/ (report.png, panel.png; the README shows them).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { test, expect, type Page } from '@playwright/test';
import { analyze } from '../../../harness/analyze/analyze.ts';
import type { LogHeader, LogRecord } from '../../../harness/log/log-schema.ts';
import { renderHtml } from '../../../harness/render/render-html.ts';
import { renderText } from '../../../harness/render/render-text.ts';
import { generateLog } from '../../../harness/synth/generate-log.ts';

const WIDTHS = [1280, 420] as const;
const HEIGHT = 900;

/** A failing 4-minute run: a heap leak, slow first responses and DOM growth, so the summary has links to follow. */
function pinnedReport() {
  const faults = { heapLeakMbPerMin: 4, slowFirstResponseMs: 4000, domLeakNodesPerMin: 600 };
  const [header, ...records] = [...generateLog({ durationMs: 240_000, seed: 21, faults })];
  return analyze({ header: header as LogHeader, records: records as LogRecord[] });
}

let scratchDir = '';
let reportUrl = '';
let panelUrl = '';

test.beforeAll(async () => {
  scratchDir = await mkdtemp(join(tmpdir(), 'voice-soak-shots-'));
  const report = pinnedReport();
  await writeFile(join(scratchDir, 'report.html'), renderHtml(report));
  reportUrl = pathToFileURL(join(scratchDir, 'report.html')).href;
  // The panel as the monitor mounts it, over a monitor whose live series are the report's last points.
  const bundle = await build({
    entryPoints: [new URL('../../../harness/monitor/panel/mount-panel.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    globalName: 'voiceSoakPanel',
    write: false,
    logLevel: 'silent',
  });
  const last = (id: string, scale = 1) => (report.series.find((s) => s.id === id)?.points ?? []).slice(-120).map(([, v]) => v * scale);
  const live = {
    heapUsedMb: last('heap-used'),
    handlerMaxMs: last('message-handler-ms'),
    ttfrMs: last('ttfr-ms'),
    wsBufferedBytes: last('ws-buffered-bytes'),
    pendingChunks: last('audio-chunks-pending'),
  };
  const page = [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>voice app</title>',
    '<style>body { margin: 0; font: 14px system-ui, sans-serif; background: #f8fafc; color: #111827; } main { padding: 24px; }</style></head>',
    '<body><main><h1>My voice app</h1><p>Talk to the assistant.</p></main>',
    `<script>${bundle.outputFiles[0]!.text}</script>`,
    '<script>',
    `const live = ${JSON.stringify(live)};`,
    `const text = ${JSON.stringify(renderText(report))};`,
    'const series = Object.fromEntries(Object.entries(live).map(([k, v]) => [k, { toArray: () => v }]));',
    "window.panel = voiceSoakPanel.mountPanel({ live: { series }, exportLog: () => '', renderReport: () => text, clear() {}, onRecord: () => () => {} }, { collapsed: false });",
    '</script></body></html>',
  ].join('\n');
  await writeFile(join(scratchDir, 'panel.html'), page);
  panelUrl = pathToFileURL(join(scratchDir, 'panel.html')).href;
});

test.afterAll(async () => {
  await rm(scratchDir, { recursive: true, force: true });
});

/** The README shows the 1280-wide snapshots from docs/screenshots/: they must be the pinned pixels. */
function expectDocsCopy(snapshot: string, name: string): void {
  const docs = new URL(`../../../docs/screenshots/${name}`, import.meta.url).pathname;
  expect(readFileSync(docs).equals(readFileSync(snapshot)), `docs/screenshots/${name} is not the snapshot: cp ${snapshot} ${docs}`).toBe(true);
}

async function open(page: Page, url: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: HEIGHT });
  await page.goto(url);
}

for (const width of WIDTHS) {
  test(`HTML report at ${width} px: sticky summary and top, then the assertions table under the summary`, async ({ page }) => {
    await open(page, reportUrl, width);
    await expect(page.locator('header.summary a.check-link').first()).toBeVisible();
    await expect(page).toHaveScreenshot(`report-top-${width}.png`);
    if (width === 1280) expectDocsCopy(test.info().snapshotPath(`report-top-${width}.png`), 'report.png');
    // The level column reads whole at either width: one line per badge.
    const badge = page.locator('table.assertions .badge').first();
    const box = (await badge.boundingBox())!;
    expect(box.height).toBeLessThan(24);
    await page.locator('table.assertions').scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const table = document.querySelector('table.assertions')!;
      window.scrollTo(0, table.getBoundingClientRect().top + window.scrollY - 160);
    });
    await expect(page).toHaveScreenshot(`report-assertions-${width}.png`);
  });

  test(`in-page panel at ${width} px: expanded, graphs and the analysis text`, async ({ page }) => {
    await open(page, panelUrl, width);
    const panel = page.locator('[data-voice-soak-panel]');
    await panel.getByRole('button', { name: 'Analyze Performance' }).click();
    await expect(panel.getByLabel('Performance analysis report')).toContainText('Performance Analysis Report');
    await expect(page).toHaveScreenshot(`panel-${width}.png`);
    if (width === 1280) expectDocsCopy(test.info().snapshotPath(`panel-${width}.png`), 'panel.png');
  });
}
